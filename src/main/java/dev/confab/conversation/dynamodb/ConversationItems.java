package dev.confab.conversation.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.decimal;
import static dev.confab.storage.dynamodb.Attributes.flag;
import static dev.confab.storage.dynamodb.Attributes.instant;
import static dev.confab.storage.dynamodb.Attributes.number;
import static dev.confab.storage.dynamodb.Attributes.optionalInt;
import static dev.confab.storage.dynamodb.Attributes.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.common.Json;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Message;
import dev.confab.storage.dynamodb.Item;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conversations and messages as items: one attribute per field, so that appends can add to the
 * totals with an update expression; metadata, settings and parts as JSON text.
 */
final class ConversationItems {

    private final Json json;

    ConversationItems(Json json) {
        this.json = json;
    }

    /** A new conversation: nothing appended yet, whatever totals the record carries. */
    Map<String, AttributeValue> fresh(Conversation c, String pairKey) {
        return Item.of().text("id", c.id()).text("user_id", c.userId()).text("persona_id", c.personaId())
                .text("pair_key", pairKey).text("title", c.title())
                .text("metadata", json.write(c.metadata())).text("settings", json.write(c.settings()))
                .number("message_count", 0).number("next_seq", 0).number("tokens_input", 0)
                .number("tokens_output", 0).number("total_cost", BigDecimal.ZERO).flag("deleted", false)
                .number("version", 0).time("created_at", c.createdAt()).time("updated_at", c.updatedAt()).map();
    }

    String json(Object value) {
        return json.write(value);
    }

    Conversation conversation(Map<String, AttributeValue> item, Message last) {
        return new Conversation(text(item, "id"), text(item, "user_id"), text(item, "persona_id"),
                text(item, "title"), text(item, "summary"), json.readMap(text(item, "metadata")),
                json.read(text(item, "settings"), ConversationSettings.class), (int) number(item, "message_count"),
                Conversation.Totals.of(number(item, "tokens_input"), number(item, "tokens_output")),
                decimal(item, "total_cost"), flag(item, "deleted"), number(item, "version"),
                instant(item, "created_at"), instant(item, "updated_at"), last);
    }

    Map<String, AttributeValue> item(Message m) {
        return Item.of().text("conversation_id", m.conversationId()).number("seq", m.seq()).text("id", m.id())
                .text("role", m.role()).text("content", m.content()).text("parts", json.write(m.parts()))
                .text("message_type", m.messageType()).text("status", m.status()).text("model", m.model())
                .number("token_count", m.tokenCount()).time("created_at", m.createdAt()).map();
    }

    Message message(Map<String, AttributeValue> item) {
        return new Message(text(item, "id"), text(item, "conversation_id"), number(item, "seq"), text(item, "role"),
                text(item, "content"), json.read(text(item, "parts"), JsonNode.class), text(item, "message_type"),
                text(item, "status"), text(item, "model"), optionalInt(item, "token_count"),
                instant(item, "created_at"));
    }
}
