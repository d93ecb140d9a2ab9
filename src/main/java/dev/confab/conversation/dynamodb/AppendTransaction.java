package dev.confab.conversation.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.bool;
import static dev.confab.storage.dynamodb.Attributes.n;
import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import dev.confab.common.Ids;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.problem.Problem;
import dev.confab.storage.dynamodb.Attributes;
import dev.confab.storage.dynamodb.Contention;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Appends a message as one transaction: the message is put at the place after the conversation's
 * counter (next_seq), and the counter and the totals move on, on the condition that the
 * conversation is live and nobody moved the counter since it was read. A writer that lost that
 * race reads again and retries, so concurrent writers each get their own place and none is lost;
 * a crash leaves either both writes or neither.
 */
final class AppendTransaction {

    private static final String COUNTER = "#next_seq, #deleted";
    private static final String MOVE_ON = "SET #next_seq = :seq, #message_count = #message_count + :one,"
            + " #tokens_input = #tokens_input + :input, #tokens_output = #tokens_output + :output,"
            + " #total_cost = #total_cost + :cost, #updated_at = :now";
    private static final String TITLE_IF_NONE = ", #title = if_not_exists(#title, :title)";
    private static final String UNMOVED = "#next_seq = :read AND #deleted = :false";
    private static final String FREE_PLACE = "attribute_not_exists(#seq)";

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

    Message append(String conversationId, NewMessage m) {
        return Contention.retry("conversation '" + conversationId + "'", () -> once(conversationId, m));
    }

    private Message once(String conversationId, NewMessage m) {
        Map<String, AttributeValue> key = Map.of("id", s(conversationId));
        var counter = db.getItem(r -> r.tableName(conversations).key(key).consistentRead(true)
                .projectionExpression(COUNTER).expressionAttributeNames(names(COUNTER)));
        if (!counter.hasItem() || Attributes.flag(counter.item(), "deleted")) {
            throw Problem.notFound("conversation", conversationId);
        }
        long read = Attributes.number(counter.item(), "next_seq");
        Instant now = clock.instant();
        Message message = new Message(Ids.prefixed("msg"), conversationId, read + 1, m.role(), m.content(), m.parts(),
                m.messageType(), m.status(), m.model(), m.tokenCount(), now);

        String update = m.titleIfUntitled() == null ? MOVE_ON : MOVE_ON + TITLE_IF_NONE;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seq", n(message.seq()), ":one", n(1),
                ":input", n(m.inputTokens()), ":output", n(m.outputTokens()),
                ":cost", n(m.cost() == null ? BigDecimal.ZERO : m.cost()), ":now", s(Attributes.time(now)),
                ":read", n(read), ":false", bool(false)));
        if (m.titleIfUntitled() != null) {
            values.put(":title", s(m.titleIfUntitled()));
        }
        Update totals = Update.builder().tableName(conversations).key(key).updateExpression(update)
                .conditionExpression(UNMOVED).expressionAttributeNames(names(update, UNMOVED))
                .expressionAttributeValues(values).build();
        Put put = Put.builder().tableName(messages).item(items.item(message))
                .conditionExpression(FREE_PLACE).expressionAttributeNames(names(FREE_PLACE)).build();
        db.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(totals).build(),
                TransactWriteItem.builder().put(put).build()));
        return message;
    }
}
