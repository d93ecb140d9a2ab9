package dev.confab.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a model id picks its provider, and what happens when that provider has no key.
 *
 * @param defaultModel      the model when a request, conversation and persona name none; when unset,
 *                          the first configured of gpt-4o, gemini-2.5-flash, local-offline
 * @param offlineFallback   answer with the offline provider when the model's provider has no key
 * @param prefixes          model id prefix to provider id
 * @param timeout           read timeout of one provider call
 * @param maxAttempts       attempts for a call that failed with a transient error
 */
@ConfigurationProperties("confab.providers")
public record ProviderSettings(
        String defaultModel,
        @DefaultValue("true") boolean offlineFallback,
        Map<String, String> prefixes,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("2") int maxAttempts) {

    static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "gpt-", "openai", "chatgpt-", "openai", "o1", "openai", "o3", "openai", "o4", "openai",
            "gemini-", "google", "imagen-", "google", "local-", "offline");

    public ProviderSettings {
        Map<String, String> merged = new LinkedHashMap<>(STANDARD_PREFIXES);
        if (prefixes != null) {
            merged.putAll(prefixes);
        }
        prefixes = Map.copyOf(merged);
    }
}
