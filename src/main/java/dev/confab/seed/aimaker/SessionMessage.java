package dev.confab.seed.aimaker;

import com.fasterxml.jackson.annotation.JsonAlias;

public record SessionMessage(@JsonAlias("sessionId") String sessionId, @JsonAlias({"content", "prompt"}) String message) {
}
