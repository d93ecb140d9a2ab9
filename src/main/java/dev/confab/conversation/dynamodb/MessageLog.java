package dev.confab.conversation.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.n;
import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import dev.confab.conversation.Message;
import dev.confab.storage.dynamodb.Contention;
import dev.confab.storage.dynamodb.Queries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The messages table: one partition per conversation, sorted by the message's place in it. */
final class MessageLog {

    private static final String OF_CONVERSATION = "#conversation_id = :conversation";
    private static final int BATCH_GET = 100;
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient db;
    private final ConversationItems items;
    private final String table;

    MessageLog(DynamoDbClient db, ConversationItems items, String table) {
        this.db = db;
        this.items = items;
        this.table = table;
    }

    String table() {
        return table;
    }

    List<Message> window(String conversationId, int limit, int offset, boolean newestFirst) {
        return Queries.window(db, query(conversationId).toBuilder().scanIndexForward(!newestFirst).build(), limit,
                offset).stream().map(items::message).toList();
    }

    long count(String conversationId) {
        return Queries.count(db, query(conversationId));
    }

    /** The messages at the given places, keyed by conversation id: each conversation's last one. */
    Map<String, Message> at(Map<String, Long> seqByConversation) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        seqByConversation.forEach((id, seq) -> keys.add(Map.of("conversation_id", s(id), "seq", n(seq))));
        Map<String, Message> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET))).consistentRead(true).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    Contention.pause(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = db.batchGetItem(r -> r.requestItems(request));
                response.responses().getOrDefault(table, List.of()).stream().map(items::message)
                        .forEach(m -> found.put(m.conversationId(), m));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    /** Deletes every message of the conversation; the conversation itself must already be gone. */
    void sweep(String conversationId) {
        String keysOnly = "#conversation_id, #seq";
        QueryRequest keys = query(conversationId).toBuilder().projectionExpression(keysOnly)
                .expressionAttributeNames(names(OF_CONVERSATION, keysOnly)).build();
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> key : db.queryPaginator(keys).items()) {
            batch.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
            if (batch.size() == BATCH_WRITE) {
                write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                Contention.pause(attempt);
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = db.batchWriteItem(r -> r.requestItems(request));
            pending = response.unprocessedItems();
        }
    }

    private QueryRequest query(String conversationId) {
        return QueryRequest.builder().tableName(table).keyConditionExpression(OF_CONVERSATION)
                .expressionAttributeNames(names(OF_CONVERSATION))
                .expressionAttributeValues(Map.of(":conversation", s(conversationId))).consistentRead(true).build();
    }
}
