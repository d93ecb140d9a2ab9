package dev.confab.door;

import dev.confab.storage.DynamoDbTables;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HTTP API contract on the dynamodb profile, against DynamoDB Local. */
@ActiveProfiles("dynamodb")
class DynamoDbApiTests {

    private static String prefix;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        synchronized (DynamoDbApiTests.class) {
            if (prefix == null) {
                prefix = DynamoDbTables.createFresh();
            }
        }
        DynamoDbTables.register(registry, () -> prefix);
    }

    @Nested
    class Core extends CoreContract {
    }

    @Nested
    class Broadcust extends BroadcustContract {
    }

    @Nested
    class AiMaker extends AiMakerContract {
    }

    @Nested
    class Yral extends YralContract {
    }
}
