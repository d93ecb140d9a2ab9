package dev.confab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.storage.Postgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged message survives a killed process, under load: the server runs as its own JVM;
 * clients keep sending turns (whole and streamed replies, seed 001 and seed 002 messages) to
 * conversations they share; once enough turns are acknowledged the server is killed with SIGKILL
 * while requests are in flight, and started again on the same storage.
 */
class CrashDurabilityTests {

    private static final int CLIENTS = 8;
    private static final int CONVERSATIONS = 4;
    /** Acknowledged turns before the kill. */
    private static final int KILL_AFTER = 200;

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void acknowledgedMessagesSurviveSigkillUnderLoadOnTheEmbeddedStore() throws Exception {
        survivesSigkillUnderLoad(List.of("--CONFAB_DATA_DIR=" + data));
    }

    @Test
    void acknowledgedMessagesSurviveSigkillUnderLoadOnPostgres() throws Exception {
        String schema = Postgres.newSchema();
        survivesSigkillUnderLoad(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + Postgres.url(schema), "--spring.flyway.schemas=" + schema));
    }

    private void survivesSigkillUnderLoad(List<String> storage) throws Exception {
        ServerProcess first = ServerProcess.start(storage, logs);
        Api api = new Api(first.port());
        List<String> conversations = new ArrayList<>();
        ChatLoad load = null;
        int exit;
        try {
            for (int i = 0; i < CONVERSATIONS; i++) {
                conversations.add(api.post("/conversations", "{\"user_id\": \"%s\"}".formatted(ChatLoad.USER))
                        .text("id"));
            }
            load = ChatLoad.start(first.port(), conversations, CLIENTS, KILL_AFTER);
            load.awaitAcknowledged();
        } finally {
            if (load != null) {
                load.stop();
            }
            exit = first.kill();
        }
        assertThat(exit).as("exit status of the server: killed by SIGKILL").isEqualTo(ServerProcess.SIGKILLED);
        load.finish();
        assertThat(load.cut()).as("requests in flight when the server was killed").isPositive();

        ServerProcess second = ServerProcess.start(storage, logs);
        try {
            api = new Api(second.port());
            StoredConversations stored = StoredConversations.read(api, conversations);
            stored.areConsistentSequences(load.sent());
            int unanswered = stored.repliesFollowTheirUserMessages();
            int checked = stored.keepAcknowledged(load.acknowledged());
            assertThat(checked).isGreaterThanOrEqualTo(2 * KILL_AFTER);
            System.out.printf("crash under load: %d acknowledged messages kept, %d requests cut, %d user messages"
                    + " stored without a reply%n", checked, load.cut(), unanswered);

            String conversation = conversations.get(0);
            Api.Reply after = api.post("/chat", "{\"input\": \"after the crash\", \"conversation_id\": \"%s\"}"
                    .formatted(conversation));
            assertThat(after.status()).as("a turn after the restart").isEqualTo(200);
            assertThat(after.json().path("user_message").path("seq").asLong())
                    .as("the next place after the %d stored", stored.size(conversation))
                    .isEqualTo(stored.size(conversation) + 1);
        } finally {
            second.kill();
        }
    }
}
