package dev.confab.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Conversations;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded file does not grow with every turn stored. H2's retention time is 0 here (RETENTION_TIME:
 * a chunk's space may be reused at once instead of after 45 s), so that what is measured in seconds is
 * what compaction frees, not what the retention time holds back. Without compaction these turns made a
 * file of 59 MB, and it grows with every turn; with it, 6 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedCompactionTests {

    private static final int TURNS = 4_000;
    private static Path folder;

    @Autowired
    Conversations conversations;

    @Autowired
    EmbeddedCompaction compaction;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        folder = Files.createTempDirectory("confab-compaction");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder + "/confab;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=0");
    }

    @Test
    void theFileStaysNearItsLiveDataWhileTurnsAreStored() throws IOException, SQLException {
        Instant now = Instant.now();
        String id = null;
        for (int turn = 0; turn < TURNS; turn++) {
            if (turn % 5 == 0) {
                id = conversations.insert(conversation(now), false).id();
            }
            conversations.appendAll(id, List.of(message(Message.USER, "Hello there, how are you today?"),
                    message(Message.ASSISTANT, "A stub's short answer, about as long as this sentence is.")));
            if (turn % 50 == 49) {
                // what the scheduled rounds do, here at a pace the test sets, not the clock
                compaction.compact();
            }
        }

        long megabytes = Files.size(folder.resolve("confab.mv.db")) >> 20;
        assertThat(megabytes).as("file size in MB after %d turns", TURNS).isLessThan(20);
        assertThat(compaction.isRunning()).as("scheduled on the embedded file store").isTrue();
    }

    private static Conversation conversation(Instant now) {
        String id = "conv_" + UUID.randomUUID().toString().replace("-", "");
        return new Conversation(id, "user" + (id.hashCode() & 63), null, null, null,
                Map.of("source", "test"), new ConversationSettings("gpt-4o", null, 0.7, null, null), 0,
                Conversation.Totals.of(0, 0), BigDecimal.ZERO, false, 0, now, now, null);
    }

    private static NewMessage message(String role, String text) {
        return new NewMessage(role, text, null, "text", Message.COMPLETE, "gpt-4o", 10, 5, 5, BigDecimal.ZERO, null);
    }
}
