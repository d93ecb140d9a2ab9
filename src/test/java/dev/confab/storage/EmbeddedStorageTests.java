package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.conversation.Conversation;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on the embedded default: an H2 database file, here with the small page
 * cache that README's "Memory" recommends (CONFAB_H2_CACHE_KB), so the contract holds with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedStorageTests extends StorageContract {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        String folder = Files.createTempDirectory("confab-storage").toString();
        registry.add("CONFAB_DATA_DIR", () -> folder);
        registry.add("CONFAB_H2_CACHE_KB", () -> "1024");
    }

    @Test
    void thePageCacheIsAsLargeAsConfigured() {
        String kb = jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE UPPER(SETTING_NAME) = 'CACHE_SIZE'")
                .query(String.class).single();
        assertThat(kb).isEqualTo("1024");
    }

    @Test
    void aHardDeleteThatFailsHalfWayLeavesTheConversationAndItsMessages() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        conversations.append(c.id(), message("kept"));
        // the messages go first, then the conversation: refusing the second statement must undo the first
        jdbc.sql("CREATE TRIGGER refuse_conversation_delete BEFORE DELETE ON conversations FOR EACH ROW CALL \""
                + RefuseDelete.class.getName() + "\"").update();
        try {
            assertThatThrownBy(() -> conversations.delete(c.id())).hasStackTraceContaining("refused");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_conversation_delete").update();
        }
        assertThat(conversations.byId(c.id())).isPresent();
        assertThat(conversations.countMessages(c.id())).isEqualTo(1);
    }

    /** An H2 trigger that refuses every row it sees. */
    public static final class RefuseDelete implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("refused");
        }
    }
}
