package dev.confab.conversation.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.bool;
import static dev.confab.storage.dynamodb.Attributes.n;
import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import dev.confab.common.Ids;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.problem.Problem;
import dev.confab.storage.dynamodb.Attributes;
import dev.confab.storage.dynamodb.Contention;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Appends messages as one transaction: the messages are put at the places after the conversation's
 * counter (next_seq), and the counter and the totals move on, on the condition that the
 * conversation is live and nobody moved the counter since it was read. A writer that lost that
 * race reads again and retries, so concurrent writers each get their own place and none is lost;
 * a crash leaves all the writes or none.
 */
final class AppendTransaction {

    private static final String COUNTER = "#next_seq, #deleted";
    private static final String MOVE_ON = "SET #next_seq = :seq, #message_count = #message_count + :count,"
            + " #tokens_input = #tokens_input + :input, #tokens_output = #tokens_output + :output,"
            + " #total_cost = #total_cost + :cost, #updated_at = :now";
    private static final String TITLE_IF_NONE = ", #title = if_not_exists(#title, :title)";
    private static final String UNMOVED = "#next_seq = :read AND #deleted = :false";
    private static final String FREE_PLACE = "attribute_not_exists(#seq)";
    private static final String IS_NEW = "attribute_not_exists(#id)";

    private final DynamoDbClient db;
    private final ConversationItems items;
    private final String conversations;
    private final String messages;
    private final Clock clock;

    AppendTransaction(DynamoDbClient db, ConversationItems items, String conversations, String messages, Clock clock) {
        this.db = db;
        this.items = items;
        this.conversations = conversations;
        this.messages = messages;
        this.clock = clock;
    }

    List<Message> append(String conversationId, List<NewMessage> messages) {
        return Contention.retry("conversation '" + conversationId + "'", () -> once(conversationId, messages));
    }

    /**
     * A new conversation and its first messages as one transaction: the conversation goes in with its
     * counter and totals already past them, so all is stored or nothing (a crash, an item too large).
     */
    List<Message> start(Conversation conversation, List<NewMessage> messages) {
        Instant now = clock.instant();
        Batch batch = batch(conversation.id(), 0, messages, now);
        Map<String, AttributeValue> item = new HashMap<>(items.fresh(conversation, null));
        item.putAll(Map.of("next_seq", n(batch.stored().size()), "message_count", n(batch.stored().size()),
                "tokens_input", n(batch.input()), "tokens_output", n(batch.output()), "total_cost", n(batch.cost()),
                "updated_at", s(Attributes.time(now))));
        if (conversation.title() == null && batch.title() != null) {
            item.put("title", s(batch.title()));
        }
        Put put = Put.builder().tableName(conversations).item(item).conditionExpression(IS_NEW)
                .expressionAttributeNames(names(IS_NEW)).build();
        batch.writes().add(0, TransactWriteItem.builder().put(put).build());
        db.transactWriteItems(t -> t.transactItems(batch.writes()));
        return batch.stored();
    }

    private List<Message> once(String conversationId, List<NewMessage> messages) {
        Map<String, AttributeValue> key = Map.of("id", s(conversationId));
        var counter = db.getItem(r -> r.tableName(conversations).key(key).consistentRead(true)
                .projectionExpression(COUNTER).expressionAttributeNames(names(COUNTER)));
        if (!counter.hasItem() || Attributes.flag(counter.item(), "deleted")) {
            throw Problem.notFound("conversation", conversationId);
        }
        long read = Attributes.number(counter.item(), "next_seq");
        Instant now = clock.instant();
        Batch batch = batch(conversationId, read, messages, now);
        String update = batch.title() == null ? MOVE_ON : MOVE_ON + TITLE_IF_NONE;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seq", n(read + batch.stored().size()),
                ":count", n(batch.stored().size()), ":input", n(batch.input()), ":output", n(batch.output()),
                ":cost", n(batch.cost()), ":now", s(Attributes.time(now)), ":read", n(read), ":false", bool(false)));
        if (batch.title() != null) {
            values.put(":title", s(batch.title()));
        }
        Update totals = Update.builder().tableName(conversations).key(key).updateExpression(update)
                .conditionExpression(UNMOVED).expressionAttributeNames(names(update, UNMOVED))
                .expressionAttributeValues(values).build();
        batch.writes().add(0, TransactWriteItem.builder().update(totals).build());
        db.transactWriteItems(t -> t.transactItems(batch.writes()));
        return batch.stored();
    }

    /** The messages at the places after {@code read}, each put only where no message is, and what they add up to. */
    private record Batch(List<Message> stored, List<TransactWriteItem> writes, long input, long output,
            BigDecimal cost, String title) {
    }

    private Batch batch(String conversationId, long read, List<NewMessage> messages, Instant now) {
        List<Message> stored = new ArrayList<>(messages.size());
        List<TransactWriteItem> writes = new ArrayList<>(messages.size() + 1);
        long input = 0;
        long output = 0;
        BigDecimal cost = BigDecimal.ZERO;
        String title = null;
        for (NewMessage m : messages) {
            Message message = new Message(Ids.prefixed("msg"), conversationId, read + stored.size() + 1, m.role(),
                    m.content(), m.parts(), m.messageType(), m.status(), m.model(), m.tokenCount(), now);
            stored.add(message);
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(this.messages).item(items.item(message))
                    .conditionExpression(FREE_PLACE).expressionAttributeNames(names(FREE_PLACE)).build()).build());
            input += m.inputTokens();
            output += m.outputTokens();
            cost = cost.add(m.cost() == null ? BigDecimal.ZERO : m.cost());
            title = title != null ? title : m.titleIfUntitled();
        }
        return new Batch(stored, writes, input, output, cost, title);
    }
}
