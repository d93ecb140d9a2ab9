package dev.confab.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param historyMessages how many earlier messages a model sees
 * @param maxInputChars   the longest text one turn may send
 * @param maxImages       the most images one turn may attach
 */
@ConfigurationProperties("confab.chat")
public record ChatSettings(
        @DefaultValue("50") int historyMessages,
        @DefaultValue("20000") int maxInputChars,
        @DefaultValue("10") int maxImages) {
}
