package dev.confab.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a model id picks its provider, what happens when that provider has no key, and how a
 * failing provider is retried, skipped and stood in for.
 *
 * @param defaultModel      the model when a request, conversation and persona name none; when unset,
 *                          the first configured of gpt-4o, gemini-2.5-flash, local-offline
 * @param offlineFallback   answer with the offline provider when the model's provider has no key
 * @param prefixes          model id prefix to provider id
 * @param timeout           read timeout of one provider call; for a stream, the longest wait for
 *                          its first chunk and between two chunks
 * @param maxAttempts       attempts of one provider for a call that failed with a transient error
 *                          (5xx, refused connection, 429)
 * @param backoff           the wait before the second attempt; it doubles for each one after
 * @param maxBackoff        the longest wait between two attempts
 * @param maxRetryAfter     the longest Retry-After honoured; a provider asking for more is not
 *                          retried, the next provider of the chain is asked instead
 * @param fallback          providers asked in this order when the model's own provider fails
 *                          (only those with a key; the failing one is skipped)
 * @param fallbackModels    the model a provider answers with when it stands in for another
 * @param circuitBreaker    when a provider is skipped for a while
 * @param maxConnections    open connections to one provider at most, for whole calls; a call
 *                          beyond them waits for one to be free (within the timeout)
 */
@ConfigurationProperties("confab.providers")
public record ProviderSettings(
        String defaultModel,
        @DefaultValue("true") boolean offlineFallback,
        Map<String, String> prefixes,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration backoff,
        @DefaultValue("2s") Duration maxBackoff,
        @DefaultValue("10s") Duration maxRetryAfter,
        @DefaultValue({"openai", "google"}) List<String> fallback,
        Map<String, String> fallbackModels,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue("256") int maxConnections) {

    static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "gpt-", "openai", "chatgpt-", "openai", "o1", "openai", "o3", "openai", "o4", "openai",
            "gemini-", "google", "imagen-", "google", "local-", "offline");

    static final Map<String, String> STANDARD_FALLBACK_MODELS = Map.of(
            "openai", "gpt-4o-mini", "google", "gemini-2.5-flash", "offline", OfflineChatModel.MODEL);

    public ProviderSettings {
        Map<String, String> merged = new LinkedHashMap<>(STANDARD_PREFIXES);
        if (prefixes != null) {
            merged.putAll(prefixes);
        }
        prefixes = Map.copyOf(merged);
        Map<String, String> models = new LinkedHashMap<>(STANDARD_FALLBACK_MODELS);
        if (fallbackModels != null) {
            models.putAll(fallbackModels);
        }
        fallbackModels = Map.copyOf(models);
        fallback = fallback == null ? List.of() : fallback.stream().filter(p -> !p.isBlank()).toList();
    }

    /**
     * A provider's circuit opens when at least {@code failureRate} percent of its last
     * {@code window} calls failed (once {@code minimumCalls} were made); while open it is not
     * called for {@code openFor}, then {@code probes} calls test it again.
     */
    public record CircuitBreakerSettings(
            @DefaultValue("50") int failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("2") int probes) {
    }
}
