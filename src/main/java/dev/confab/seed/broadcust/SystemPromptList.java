package dev.confab.seed.broadcust;

import java.util.List;

public record SystemPromptList(List<SystemPrompt> prompts, int count) {
}
