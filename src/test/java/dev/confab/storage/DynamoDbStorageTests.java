package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.system.StorageProbe;
import java.math.BigDecimal;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on the dynamodb profile, against DynamoDB Local, in tables of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("dynamodb")
class DynamoDbStorageTests extends StorageContract {

    private static String prefix;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private StorageProbe probe;

    @BeforeAll
    static void tables() {
        prefix = DynamoDbTables.createFresh();
    }

    @AfterAll
    static void dropTables() {
        DynamoDbTables.drop(prefix);
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        DynamoDbTables.register(registry, () -> prefix);
    }

    /** Over DynamoDB's 400 KB item limit: DynamoDB has no column lengths. */
    @Override
    protected NewMessage unstorable() {
        return new NewMessage(Message.ASSISTANT, "a".repeat(410 * 1024), null, "text", Message.COMPLETE, "gpt-4o", 1, 0,
                0, BigDecimal.ZERO, null);
    }

    @Test
    void theProfileOpensNoSqlDatabaseAndItsProbeReachesTheTables() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(probe.name()).isEqualTo("dynamodb");
        probe.ping();
    }
}
