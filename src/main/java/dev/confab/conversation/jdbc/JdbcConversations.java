package dev.confab.conversation.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.common.Ids;
import dev.confab.common.Json;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationQuery;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Conversations;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.storage.jdbc.GroupCommit;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Conversations and messages in a SQL database. A message's place in its conversation comes from
 * the conversation row's counter, bumped in the same transaction that inserts the message, so
 * concurrent appends are serialized by the row lock and none is lost.
 */
@Repository
@Profile("!dynamodb")
class JdbcConversations implements Conversations {

    private static final String COLUMNS = """
            c.id, c.user_id, c.persona_id, c.title, c.summary, c.metadata, c.settings, c.message_count,
            c.tokens_input, c.tokens_output, c.total_cost, c.deleted, c.version, c.created_at, c.updated_at""";
    private static final String MESSAGE_COLUMNS = """
            m.id AS m_id, m.conversation_id AS m_conversation_id, m.seq AS m_seq, m.role AS m_role,
            m.content AS m_content, m.parts AS m_parts, m.message_type AS m_message_type, m.status AS m_status,
            m.model AS m_model, m.token_count AS m_token_count, m.created_at AS m_created_at""";

    private final JdbcClient jdbc;
    private final GroupCommit commits;
    private final Json json;
    private final Clock clock;
    private final String appendSql;
    /** What most conversations store as settings (they override nothing), read without Jackson. */
    private final String noSettings;

    JdbcConversations(JdbcClient jdbc, GroupCommit commits, DataSource dataSource, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.json = json;
        this.clock = clock;
        this.appendSql = appendSql(databaseOf(dataSource));
        this.noSettings = json.write(ConversationSettings.NONE);
    }

    private static String databaseOf(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    @Override
    public Conversation insert(Conversation c, boolean onePerPersona) {
        try {
            jdbc.sql("""
                    INSERT INTO conversations (id, user_id, persona_id, pair_key, title, metadata, settings,
                        message_count, next_seq, tokens_input, tokens_output, total_cost, deleted, version,
                        created_at, updated_at)
                    VALUES (:id, :user, :persona, :pair, :title, :metadata, :settings, 0, 0, 0, 0, 0, FALSE, 0,
                        :created, :updated)""")
                    .param("id", c.id()).param("user", c.userId()).param("persona", c.personaId())
                    .param("pair", onePerPersona ? pairKey(c.userId(), c.personaId()) : null)
                    .param("title", c.title()).param("metadata", json.write(c.metadata()))
                    .param("settings", json.write(c.settings()))
                    .param("created", Timestamp.from(c.createdAt())).param("updated", Timestamp.from(c.updatedAt()))
                    .update();
            return c;
        } catch (DuplicateKeyException e) {
            throw new Problem(ProblemKind.CONFLICT, "conversation_exists",
                    "user already has a conversation with persona '" + c.personaId() + "'");
        }
    }

    @Override
    public Optional<Conversation> byId(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = :id").param("id", id)
                .query(this::conversation).optional();
    }

    @Override
    public Optional<Conversation> byUserAndPersona(String userId, String personaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.pair_key = :pair AND c.deleted = FALSE")
                .param("pair", pairKey(userId, personaId)).query(this::conversation).optional();
    }

    @Override
    public List<Conversation> page(ConversationQuery q, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + ", " + MESSAGE_COLUMNS + """
                         FROM conversations c
                         LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.next_seq
                        WHERE """ + " " + filter(q) + " ORDER BY c.updated_at DESC, c.id LIMIT :limit OFFSET :offset")
                .param("user", q.userId()).param("persona", q.personaId())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> withLast(conversation(rs, n), rs)).list();
    }

    @Override
    public long count(ConversationQuery q) {
        return jdbc.sql("SELECT COUNT(*) FROM conversations c WHERE " + filter(q))
                .param("user", q.userId()).param("persona", q.personaId()).query(Long.class).single();
    }

    @Override
    public Conversation update(Conversation c) {
        int rows = jdbc.sql("""
                UPDATE conversations SET title = :title, metadata = :metadata, settings = :settings,
                    version = version + 1, updated_at = :updated
                WHERE id = :id AND version = :version AND deleted = FALSE""")
                .param("id", c.id()).param("title", c.title()).param("metadata", json.write(c.metadata()))
                .param("settings", json.write(c.settings())).param("updated", Timestamp.from(c.updatedAt()))
                .param("version", c.version()).update();
        if (rows == 0) {
            throw new Problem(ProblemKind.CONFLICT, "conversation_changed",
                    "conversation '" + c.id() + "' was changed by someone else; read it again and retry");
        }
        return byId(c.id()).orElseThrow();
    }

    @Override
    public boolean softDelete(String id) {
        return jdbc.sql("""
                UPDATE conversations SET deleted = TRUE, pair_key = NULL, version = version + 1, updated_at = :now
                WHERE id = :id AND deleted = FALSE""")
                .param("id", id).param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    /** The messages and their conversation go in one transaction, the group commit's. */
    @Override
    public boolean delete(String id) {
        return commits.write(() -> {
            jdbc.sql("DELETE FROM messages WHERE conversation_id = :id").param("id", id).update();
            return jdbc.sql("DELETE FROM conversations WHERE id = :id").param("id", id).update() > 0;
        });
    }

    /**
     * One statement per message: the conversation's counter is bumped and the message inserted with
     * the new value in the same statement, so the row lock that serializes concurrent appends is
     * held for one statement, and a message costs one round trip. Concurrent appends share a
     * commit (GroupCommit): on the embedded store each commit writes a chunk of the file, which
     * costs several times the statement. No row back means no live conversation.
     */
    @Override
    public Message append(String conversationId, NewMessage m) {
        return appendAll(conversationId, List.of(m)).get(0);
    }

    /** One statement per message, all in one write of the group commit: one commit for them all. */
    @Override
    public List<Message> appendAll(String conversationId, List<NewMessage> messages) {
        return commits.write(() -> appendEach(conversationId, messages));
    }

    /** The conversation and its first messages in one write of the group commit: one commit, all or nothing. */
    @Override
    public List<Message> insertWith(Conversation conversation, List<NewMessage> messages) {
        return commits.write(() -> {
            insert(conversation, false);
            return appendEach(conversation.id(), messages);
        });
    }

    private List<Message> appendEach(String conversationId, List<NewMessage> messages) {
        Instant now = clock.instant();
        return messages.stream().map(m -> appendOne(conversationId, m, now)).toList();
    }

    private Message appendOne(String conversationId, NewMessage m, Instant now) {
        String id = Ids.prefixed("msg");
        Optional<Long> seq = jdbc.sql(appendSql)
                .param("conversation", conversationId).param("input", m.inputTokens()).param("output", m.outputTokens())
                .param("cost", m.cost()).param("title", m.titleIfUntitled()).param("now", Timestamp.from(now))
                .param("id", id).param("role", m.role()).param("content", m.content())
                .param("parts", json.write(m.parts())).param("type", m.messageType()).param("status", m.status())
                .param("model", m.model()).param("tokens", m.tokenCount())
                .query(Long.class).optional();
        if (seq.isEmpty()) {
            throw Problem.notFound("conversation", conversationId);
        }
        return new Message(id, conversationId, seq.get(), m.role(), m.content(), m.parts(), m.messageType(), m.status(),
                m.model(), m.tokenCount(), now);
    }

    /**
     * The append statement in the database's own words for "the row as this statement left it":
     * H2's data change delta table, PostgreSQL's data-modifying WITH and RETURNING. The casts give
     * PostgreSQL the parameters' types, which it cannot infer in a SELECT list; the columns still
     * check lengths on insert.
     */
    private static String appendSql(String database) {
        String bump = """
                UPDATE conversations SET next_seq = next_seq + 1, message_count = message_count + 1,
                    tokens_input = tokens_input + :input, tokens_output = tokens_output + :output,
                    total_cost = total_cost + :cost, title = COALESCE(title, CAST(:title AS VARCHAR)), updated_at = :now
                WHERE id = :conversation AND deleted = FALSE""";
        String insert = """
                INSERT INTO messages (id, conversation_id, seq, role, content, parts, message_type, status, model,
                    token_count, created_at)
                SELECT CAST(:id AS VARCHAR), CAST(:conversation AS VARCHAR), next_seq, CAST(:role AS VARCHAR),
                    CAST(:content AS TEXT), CAST(:parts AS TEXT), CAST(:type AS VARCHAR), CAST(:status AS VARCHAR),
                    CAST(:model AS VARCHAR), CAST(:tokens AS INTEGER), CAST(:now AS TIMESTAMP WITH TIME ZONE)""";
        if (database.equals("H2")) {
            return "SELECT seq FROM FINAL TABLE (" + insert + " FROM FINAL TABLE (" + bump + "))";
        }
        return "WITH bumped AS (" + bump + " RETURNING next_seq) " + insert + " FROM bumped RETURNING seq";
    }

    @Override
    public List<Message> messages(String conversationId, int limit, int offset, boolean newestFirst) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM messages m WHERE m.conversation_id = :id ORDER BY m.seq "
                        + (newestFirst ? "DESC" : "ASC") + " LIMIT :limit OFFSET :offset")
                .param("id", conversationId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> message(rs)).list();
    }

    @Override
    public List<Message> recent(String conversationId, int count) {
        List<Message> newestFirst = messages(conversationId, count, 0, true);
        List<Message> history = new ArrayList<>(newestFirst);
        Collections.reverse(history);
        return history;
    }

    @Override
    public long countMessages(String conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE conversation_id = :id").param("id", conversationId)
                .query(Long.class).single();
    }

    /** One key per user and persona; the length prefix keeps any two pairs apart whatever their ids hold. */
    private static String pairKey(String userId, String personaId) {
        return userId.length() + ":" + userId + "|" + personaId;
    }

    private static String filter(ConversationQuery q) {
        String where = "c.user_id = :user AND c.deleted = FALSE";
        return q.personaId() == null ? where : where + " AND c.persona_id = :persona";
    }

    private Conversation conversation(ResultSet rs, int row) throws SQLException {
        long input = rs.getLong("tokens_input");
        long output = rs.getLong("tokens_output");
        return new Conversation(rs.getString("id"), rs.getString("user_id"), rs.getString("persona_id"),
                rs.getString("title"), rs.getString("summary"), json.readMap(rs.getString("metadata")),
                settings(rs.getString("settings")), rs.getInt("message_count"),
                Conversation.Totals.of(input, output), rs.getBigDecimal("total_cost"), rs.getBoolean("deleted"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), null);
    }

    private ConversationSettings settings(String stored) {
        return noSettings.equals(stored) ? ConversationSettings.NONE : json.read(stored, ConversationSettings.class);
    }

    private Conversation withLast(Conversation c, ResultSet rs) throws SQLException {
        if (rs.getString("m_id") == null) {
            return c;
        }
        return new Conversation(c.id(), c.userId(), c.personaId(), c.title(), c.summary(), c.metadata(), c.settings(),
                c.messageCount(), c.usage(), c.totalCost(), c.deleted(), c.version(), c.createdAt(), c.updatedAt(),
                message(rs));
    }

    private Message message(ResultSet rs) throws SQLException {
        int tokens = rs.getInt("m_token_count");
        Integer tokenCount = rs.wasNull() ? null : tokens;
        return new Message(rs.getString("m_id"), rs.getString("m_conversation_id"), rs.getLong("m_seq"),
                rs.getString("m_role"), rs.getString("m_content"), json.read(rs.getString("m_parts"), JsonNode.class),
                rs.getString("m_message_type"), rs.getString("m_status"), rs.getString("m_model"), tokenCount,
                rs.getTimestamp("m_created_at").toInstant());
    }
}
