package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.system.StorageProbe;
import java.util.List;
import java.util.UUID;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The storage contract on the dynamodb profile, against DynamoDB Local (local/services/dynamodb
 * starts one and prints its endpoint). Not reachable is a failure, not a skip. Each run gets
 * tables of its own under a fresh prefix, created from the SAM template.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("dynamodb")
class DynamoDbStorageTests extends StorageContract {

    static final String ENDPOINT = endpoint();
    static final String PREFIX = "test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static List<String> tables = List.of();

    @BeforeAll
    static void tables() {
        try (DynamoDbClient db = DynamoDbTables.localClient(ENDPOINT)) {
            DynamoDbTables.requireReachable(db, ENDPOINT);
            tables = DynamoDbTables.create(db, PREFIX);
        }
    }

    @AfterAll
    static void dropTables() {
        try (DynamoDbClient db = DynamoDbTables.localClient(ENDPOINT)) {
            DynamoDbTables.drop(db, tables);
        }
    }

    @Autowired
    private ApplicationContext context;
    @Autowired
    private StorageProbe probe;

    @Test
    void theProfileOpensNoSqlDatabaseAndItsProbeReachesTheTables() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(probe.name()).isEqualTo("dynamodb");
        probe.ping();
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        // DynamoDB Local takes any credentials; the application's SDK default chain reads these
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
        registry.add("confab.dynamodb.endpoint", () -> ENDPOINT);
        registry.add("confab.dynamodb.region", () -> "us-east-1");
        registry.add("confab.dynamodb.table-prefix", () -> PREFIX);
    }

    private static String endpoint() {
        String configured = System.getProperty("CONFAB_DYNAMODB_ENDPOINT", System.getenv("CONFAB_DYNAMODB_ENDPOINT"));
        return configured == null || configured.isBlank() ? "http://127.0.0.1:8000" : configured;
    }
}
