package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Storage that breaks under the server answers 503 and logs the cause, never a stack trace to the client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ExtendWith(OutputCaptureExtension.class)
class StorageFailureTests {

    private static final String SCHEMA = Postgres.newSchema();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Postgres.url(SCHEMA));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @Test
    void aMissingTableIsA503WithTheCauseInTheLog(CapturedOutput log) throws Exception {
        Api api = new Api(port);
        String conversation = api.post("/conversations", "{\"user_id\": \"u\"}").text("id");
        try (var connection = DriverManager.getConnection(Postgres.url(SCHEMA), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE messages");
        }

        Api.Reply reply = api.get("/conversations/" + conversation + "/messages");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("storage_unavailable");
        assertThat(reply.json().toString()).doesNotContain("SQL", "Exception", "messages\"");
        assertThat(log.getOut()).contains("storage failed on GET /conversations/{id}/messages").contains("messages");
    }
}
