package dev.confab.provider;

import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns what a provider client threw into the 502, 503 or 504 the caller gets. */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    public static Problem translate(Throwable failure, ModelChoice choice) {
        if (failure instanceof Problem problem) {
            return problem;
        }
        String provider = choice.provider().id();
        ProviderFault fault = ProviderFault.of(failure);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        details.put("model", choice.model());
        if (fault.status() > 0) {
            details.put("provider_status", fault.status());
        }
        if (fault.retryAfter() != null) {
            details.put("retry_after_seconds", fault.retryAfter().toSeconds());
        }
        return switch (fault.kind()) {
            case TIMEOUT -> new Problem(ProblemKind.PROVIDER_TIMEOUT, "provider_timeout",
                    provider + " did not answer in time", details, failure);
            case RATE_LIMITED -> new Problem(ProblemKind.UNAVAILABLE, "provider_rate_limited",
                    provider + " is limiting requests (429): " + brief(failure), details, failure);
            case UNAVAILABLE -> new Problem(ProblemKind.UNAVAILABLE, "provider_unavailable",
                    provider + " is unavailable: " + brief(failure), details, failure);
            case CIRCUIT_OPEN -> new Problem(ProblemKind.UNAVAILABLE, "provider_unavailable",
                    provider + " has been failing and is not called for now (circuit open)", details, failure);
            case MALFORMED -> new Problem(ProblemKind.PROVIDER_FAILED, "provider_bad_response",
                    provider + " answered with something that is not a valid reply: " + brief(failure), details, failure);
            case CUT -> new Problem(ProblemKind.PROVIDER_FAILED, "provider_stream_cut",
                    provider + " stopped streaming half way: " + brief(failure), details, failure);
            case REFUSED, BAD_REQUEST -> new Problem(ProblemKind.PROVIDER_FAILED, "provider_error",
                    provider + " rejected the request: " + brief(failure), details, failure);
        };
    }

    /** A stream that ended without the provider saying it had finished: its text is not the whole reply. */
    public static Problem endedEarly(ModelChoice choice) {
        return new Problem(ProblemKind.PROVIDER_FAILED, "provider_stream_cut",
                choice.provider().id() + " ended its stream before finishing the reply",
                Map.of("provider", choice.provider().id(), "model", choice.model()), null);
    }

    private static String brief(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
