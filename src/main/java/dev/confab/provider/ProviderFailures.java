package dev.confab.provider;

import com.google.genai.errors.ClientException;
import com.google.genai.errors.ServerException;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** Turns what a provider client threw into the 502, 503 or 504 the caller gets. */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    public static Problem translate(RuntimeException failure, ModelChoice choice) {
        if (failure instanceof Problem problem) {
            return problem;
        }
        String provider = choice.provider().id();
        Map<String, Object> details = Map.of("provider", provider, "model", choice.model());
        if (causedBy(failure, SocketTimeoutException.class, HttpTimeoutException.class, TimeoutException.class)) {
            return new Problem(ProblemKind.PROVIDER_TIMEOUT, "provider_timeout",
                    provider + " did not answer in time", details, failure);
        }
        if (causedBy(failure, TransientAiException.class, ServerException.class, ConnectException.class)
                || answeredWithServerError(failure)) {
            return new Problem(ProblemKind.UNAVAILABLE, "provider_unavailable",
                    provider + " is unavailable: " + brief(failure), details, failure);
        }
        String why = causedBy(failure, NonTransientAiException.class, ClientException.class)
                ? "rejected the request: " : "failed: ";
        return new Problem(ProblemKind.PROVIDER_FAILED, "provider_error", provider + " " + why + brief(failure),
                details, failure);
    }

    /** A streaming call fails with the HTTP client's own exception, which carries the provider's status. */
    private static boolean answeredWithServerError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebClientResponseException w) {
                return w.getStatusCode().is5xxServerError();
            }
            if (t instanceof RestClientResponseException r) {
                return r.getStatusCode().is5xxServerError();
            }
        }
        return false;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String brief(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
