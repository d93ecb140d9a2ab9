package dev.confab.seed.broadcust;

import java.time.Instant;

/** Seed 000's stored system prompt: a name and its text, kept as a persona. */
public record SystemPrompt(String name, String prompt, Instant createdAt, Instant updatedAt) {
}
