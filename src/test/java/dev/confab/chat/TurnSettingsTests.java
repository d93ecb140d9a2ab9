package dev.confab.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.conversation.ConversationSettings;
import dev.confab.persona.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnSettingsTests {

    private final Persona captain = new Persona("p1", "captain", null, null, null, null, "You are a captain.",
            "gemini-2.0-flash", 0.2, 0.8, 300, null, null, null, null, true, false, null, 0, Instant.EPOCH, Instant.EPOCH);

    @Test
    void theConversationOverridesThePersonaAndTheRequestOverridesBoth() {
        ChatRequest request = new ChatRequest(TextNode.valueOf("hi"), null, null, null, null, "Answer in French.", false,
                1.5, null, null, null, null, null);
        TurnSettings turn = TurnSettings.resolve(captain, new ConversationSettings("gpt-4o", null, 0.9, null, null),
                request);

        assertThat(turn).isEqualTo(new TurnSettings("gpt-4o", "You are a captain.\n\nAnswer in French.", 1.5, 0.8, 300));
    }

    @Test
    void instructionsAloneAreTheSystemPrompt() {
        ChatRequest request = ChatRequest.of(TextNode.valueOf("hi"), null, null, null, "Be a pirate.");
        assertThat(TurnSettings.resolve(null, ConversationSettings.NONE, request).systemPrompt()).isEqualTo("Be a pirate.");
    }

    @Test
    void pricesComeFromTheLongestMatchingPrefix() {
        PriceTable prices = new PriceTable(Map.of(
                "gpt-4o", new PriceTable.Price(new BigDecimal("0.0025"), new BigDecimal("0.01")),
                "gpt-4o-mini", new PriceTable.Price(new BigDecimal("0.00015"), new BigDecimal("0.0006"))));

        assertThat(prices.cost("gpt-4o-2024-08-06", 1000, 1000)).isEqualByComparingTo("0.0125");
        assertThat(prices.cost("gpt-4o-mini", 2000, 1000)).isEqualByComparingTo("0.0009");
        assertThat(prices.cost("local-offline", 5000, 5000)).isEqualByComparingTo("0");
    }
}
