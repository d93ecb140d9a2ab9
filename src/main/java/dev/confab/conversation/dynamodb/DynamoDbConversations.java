package dev.confab.conversation.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.bool;
import static dev.confab.storage.dynamodb.Attributes.n;
import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import dev.confab.common.Json;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationQuery;
import dev.confab.conversation.Conversations;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.storage.dynamodb.Attributes;
import dev.confab.storage.dynamodb.Contention;
import dev.confab.storage.dynamodb.DynamoDbSettings;
import dev.confab.storage.dynamodb.Queries;
import dev.confab.storage.dynamodb.Uniques;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Conversations and messages in DynamoDB: conversations by id and, newest activity first, by user
 * (the by-user index); messages in one partition per conversation (see {@link AppendTransaction}
 * for how they get their places). One-per-user-and-persona conversations claim their pair in the
 * uniques table, and give it up when soft-deleted.
 */
@Repository
@Profile("dynamodb")
class DynamoDbConversations implements Conversations {

    static final String BY_USER = "by-user";
    private static final String IS_NEW = "attribute_not_exists(#id)";
    private static final String LIVE = "#deleted = :false";

    private final DynamoDbClient db;
    private final Uniques uniques;
    private final Clock clock;
    private final ConversationItems items;
    private final MessageLog messages;
    private final AppendTransaction appends;
    private final String table;

    DynamoDbConversations(DynamoDbClient db, Json json, Uniques uniques, Clock clock, DynamoDbSettings settings) {
        this.db = db;
        this.uniques = uniques;
        this.clock = clock;
        this.items = new ConversationItems(json);
        this.messages = new MessageLog(db, items, settings.table(DynamoDbSettings.MESSAGES));
        this.table = settings.table(DynamoDbSettings.CONVERSATIONS);
        this.appends = new AppendTransaction(db, items, table, messages.table(), clock);
    }

    @Override
    public Conversation insert(Conversation c, boolean onePerPersona) {
        String pair = onePerPersona ? pairKey(c.userId(), c.personaId()) : null;
        Put put = Put.builder().tableName(table).item(items.fresh(c, pair))
                .conditionExpression(IS_NEW).expressionAttributeNames(names(IS_NEW)).build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(TransactWriteItem.builder().put(put).build()));
        if (pair != null) {
            writes.add(uniques.claim(pair, c.id()));
        }
        try {
            db.transactWriteItems(t -> t.transactItems(writes));
            return c;
        } catch (TransactionCanceledException e) {
            throw new Problem(ProblemKind.CONFLICT, "conversation_exists",
                    "user already has a conversation with persona '" + c.personaId() + "'");
        }
    }

    @Override
    public Optional<Conversation> byId(String id) {
        return stored(id).map(item -> items.conversation(item, null));
    }

    @Override
    public Optional<Conversation> byUserAndPersona(String userId, String personaId) {
        return uniques.owner(pairKey(userId, personaId)).flatMap(this::byId).filter(c -> !c.deleted());
    }

    @Override
    public List<Conversation> page(ConversationQuery q, int limit, int offset) {
        if (q.userId() == null) {
            return List.of();
        }
        List<Map<String, AttributeValue>> page = Queries.window(db, query(q), limit, offset);
        Map<String, Long> lastPlaces = new LinkedHashMap<>();
        page.forEach(item -> {
            long seq = Attributes.number(item, "next_seq");
            if (seq > 0) {
                lastPlaces.put(Attributes.text(item, "id"), seq);
            }
        });
        Map<String, Message> last = messages.at(lastPlaces);
        return page.stream().map(item -> items.conversation(item, last.get(Attributes.text(item, "id")))).toList();
    }

    @Override
    public long count(ConversationQuery q) {
        if (q.userId() == null) {
            return 0;
        }
        return Queries.count(db, query(q));
    }

    @Override
    public Conversation update(Conversation c) {
        String set = "SET #metadata = :metadata, #settings = :settings, #updated_at = :updated, #version = #version + :one";
        String update = c.title() == null ? set + " REMOVE #title" : set + ", #title = :title";
        String condition = "#version = :version AND " + LIVE;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":metadata", s(items.json(c.metadata())),
                ":settings", s(items.json(c.settings())), ":updated", s(Attributes.time(c.updatedAt())),
                ":one", n(1), ":version", n(c.version()), ":false", bool(false)));
        if (c.title() != null) {
            values.put(":title", s(c.title()));
        }
        try {
            var updated = db.updateItem(r -> r.tableName(table).key(key(c.id())).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names(update, condition))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW));
            return items.conversation(updated.attributes(), null);
        } catch (ConditionalCheckFailedException e) {
            throw new Problem(ProblemKind.CONFLICT, "conversation_changed",
                    "conversation '" + c.id() + "' was changed by someone else; read it again and retry");
        }
    }

    @Override
    public boolean softDelete(String id) {
        return Contention.retry("conversation '" + id + "'", () -> {
            Optional<Map<String, AttributeValue>> current = stored(id);
            if (current.isEmpty() || Attributes.flag(current.get(), "deleted")) {
                return false;
            }
            String update = "SET #deleted = :true, #updated_at = :now, #version = #version + :one REMOVE #pair_key";
            Update hide = Update.builder().tableName(table).key(key(id)).updateExpression(update)
                    .conditionExpression(LIVE).expressionAttributeNames(names(update, LIVE))
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false),
                            ":now", s(Attributes.time(clock.instant())), ":one", n(1)))
                    .build();
            db.transactWriteItems(t -> t.transactItems(withPairReleased(current.get(), id,
                    TransactWriteItem.builder().update(hide).build())));
            return true;
        });
    }

    @Override
    public boolean delete(String id) {
        boolean existed = Contention.retry("conversation '" + id + "'", () -> {
            Optional<Map<String, AttributeValue>> current = stored(id);
            if (current.isEmpty()) {
                return false;
            }
            Delete delete = Delete.builder().tableName(table).key(key(id)).conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(names("#id")).build();
            db.transactWriteItems(t -> t.transactItems(withPairReleased(current.get(), id,
                    TransactWriteItem.builder().delete(delete).build())));
            return true;
        });
        // after the conversation: an append that lost the race finds it gone and writes nothing more
        messages.sweep(id);
        return existed;
    }

    @Override
    public Message append(String conversationId, NewMessage m) {
        return appends.append(conversationId, List.of(m)).get(0);
    }

    @Override
    public List<Message> appendAll(String conversationId, List<NewMessage> messages) {
        return appends.append(conversationId, messages);
    }

    /** One transaction: the conversation and its first messages are stored together or not at all. */
    @Override
    public List<Message> insertWith(Conversation conversation, List<NewMessage> messages) {
        return appends.start(conversation, messages);
    }

    @Override
    public List<Message> messages(String conversationId, int limit, int offset, boolean newestFirst) {
        return messages.window(conversationId, limit, offset, newestFirst);
    }

    @Override
    public List<Message> recent(String conversationId, int count) {
        List<Message> history = new ArrayList<>(messages.window(conversationId, count, 0, true));
        Collections.reverse(history);
        return history;
    }

    @Override
    public long countMessages(String conversationId) {
        return messages.count(conversationId);
    }

    private List<TransactWriteItem> withPairReleased(Map<String, AttributeValue> current, String id,
            TransactWriteItem write) {
        String pair = Attributes.text(current, "pair_key");
        return pair == null ? List.of(write) : List.of(write, uniques.release(pair, id));
    }

    private Optional<Map<String, AttributeValue>> stored(String id) {
        var response = db.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    /** The user's live conversations from the by-user index, most recent activity first. */
    private QueryRequest query(ConversationQuery q) {
        String key = "#user_id = :user";
        String filter = q.personaId() == null ? LIVE : LIVE + " AND #persona_id = :persona";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":user", s(q.userId()), ":false", bool(false)));
        if (q.personaId() != null) {
            values.put(":persona", s(q.personaId()));
        }
        return QueryRequest.builder().tableName(table).indexName(BY_USER).keyConditionExpression(key)
                .filterExpression(filter).expressionAttributeNames(names(key, filter))
                .expressionAttributeValues(values).scanIndexForward(false).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    /** One key per user and persona; the length prefix keeps any two pairs apart whatever their ids hold. */
    private static String pairKey(String userId, String personaId) {
        String user = String.valueOf(userId);
        return "conversation-pair#" + user.length() + ":" + user + "|" + personaId;
    }
}
