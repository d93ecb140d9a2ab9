package dev.confab.seed.broadcust;

public record SystemPromptRemoved(String message, String name) {
}
