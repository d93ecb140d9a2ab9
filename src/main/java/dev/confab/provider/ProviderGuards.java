package dev.confab.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One circuit breaker and one retry policy per provider. Only what says something about the
 * provider counts against it: a request it rejected as invalid does not.
 */
public class ProviderGuards {

    private final Map<Provider, CircuitBreaker> breakers = new EnumMap<>(Provider.class);
    private final Map<Provider, Retry> retries = new EnumMap<>(Provider.class);

    ProviderGuards(ProviderSettings settings) {
        ProviderSettings.CircuitBreakerSettings circuit = settings.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(1, circuit.window()))
                .minimumNumberOfCalls(Math.max(1, circuit.minimumCalls()))
                .failureRateThreshold(Math.clamp(circuit.failureRate(), 1, 100))
                .waitDurationInOpenState(circuit.openFor())
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, circuit.probes()))
                .recordException(failure -> ProviderFault.of(failure).countsAgainstProvider())
                .build();
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .retryOnException(failure -> ProviderFault.of(failure).retryable(settings.maxRetryAfter()))
                .intervalBiFunction(pause(settings.backoff(), settings.maxBackoff()))
                .failAfterMaxAttempts(false)
                .build();
        for (Provider provider : Provider.values()) {
            breakers.put(provider, CircuitBreaker.of(provider.id(), breakerConfig));
            retries.put(provider, Retry.of(provider.id(), retryConfig));
        }
    }

    CircuitBreaker breaker(Provider provider) {
        return breakers.get(provider);
    }

    Retry retry(Provider provider) {
        return retries.get(provider);
    }

    /** Whether a provider is being skipped now; health shows it. */
    public String circuitState(Provider provider) {
        return breakers.get(provider).getState().name().toLowerCase();
    }

    /** The provider's Retry-After when it gave one, else exponential backoff. */
    private static IntervalBiFunction<Object> pause(Duration first, Duration longest) {
        return (attempt, outcome) -> {
            if (outcome.isLeft()) {
                Duration asked = ProviderFault.of(outcome.getLeft()).retryAfter();
                if (asked != null) {
                    return asked.toMillis();
                }
            }
            long wait = first.toMillis() << Math.min(Math.max(0, attempt - 1), 20);
            return Math.min(wait, longest.toMillis());
        };
    }
}
