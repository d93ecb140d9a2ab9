package dev.confab.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring AI Google GenAI's {@code spring.ai.google.genai.*} properties: a Gemini API key, or Vertex
 * AI with a project and location (credentials from the environment). {@code baseUrl} points the
 * client at another endpoint, such as a stub.
 */
@ConfigurationProperties("spring.ai.google.genai")
public record GoogleSettings(String apiKey, String projectId, String location, Boolean vertexAi, String baseUrl) {

    public boolean usesVertexAi() {
        return Boolean.TRUE.equals(vertexAi) || (!hasKey() && projectId != null && !projectId.isBlank());
    }

    public boolean configured() {
        return hasKey() || usesVertexAi();
    }

    private boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
