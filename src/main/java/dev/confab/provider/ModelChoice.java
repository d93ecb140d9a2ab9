package dev.confab.provider;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The provider and model that will answer. {@code requested} differs from {@code model} when
 * the requested provider had no key and the offline provider stood in.
 */
public record ModelChoice(Provider provider, String model, String requested, ChatModel chatModel) {
}
