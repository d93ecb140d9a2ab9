package dev.confab.openai;

import dev.confab.chat.Usage;

public record CompletionUsage(int promptTokens, int completionTokens, int totalTokens) {

    static CompletionUsage of(Usage usage) {
        return new CompletionUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
    }
}
