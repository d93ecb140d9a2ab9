package dev.confab.seed.broadcust;

public record SystemPromptName(String name) {
}
