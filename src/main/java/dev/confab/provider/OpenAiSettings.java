package dev.confab.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The standard {@code spring.ai.openai.*} connection properties (also OPENAI_API_KEY via application.yml). */
@ConfigurationProperties("spring.ai.openai")
public record OpenAiSettings(String apiKey, @DefaultValue("https://api.openai.com") String baseUrl) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }
}
