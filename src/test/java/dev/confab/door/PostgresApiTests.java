package dev.confab.door;

import dev.confab.storage.Postgres;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HTTP API contract on the postgres profile. */
@ActiveProfiles("postgres")
class PostgresApiTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
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
