package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** On DynamoDB too, storage that breaks under the server is a 503 with the cause in the log only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dynamodb")
@ExtendWith(OutputCaptureExtension.class)
class DynamoDbFailureTests {

    private static String prefix;

    @LocalServerPort
    int port;

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

    @Test
    void healthSaysDynamoDbAndAMissingTableIsA503WithTheCauseInTheLog(CapturedOutput log) {
        Api api = new Api(port);
        Api.Reply health = api.get("/health");
        assertThat(health.json().path("storage").path("type").asText()).isEqualTo("dynamodb");
        assertThat(health.json().path("storage").path("status").asText()).isEqualTo("up");
        String conversation = api.post("/conversations", "{\"user_id\": \"u\"}").text("id");
        try (DynamoDbClient db = DynamoDbTables.localClient()) {
            db.deleteTable(r -> r.tableName(prefix + "messages"));
        }

        Api.Reply reply = api.get("/conversations/" + conversation + "/messages");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("storage_unavailable");
        assertThat(reply.json().toString()).doesNotContain("Exception", "DynamoDB", "messages\"");
        assertThat(log.getOut()).contains("storage failed on GET /conversations/{id}/messages")
                .contains("ResourceNotFoundException");
    }
}
