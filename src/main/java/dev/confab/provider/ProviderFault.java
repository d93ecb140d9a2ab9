package dev.confab.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.genai.errors.ApiException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What went wrong with one provider call, read off whatever its client threw, and what may be
 * done about it: try again, try another provider, or give up.
 *
 * @param retryAfter what the provider asked for in its Retry-After header, or null
 */
record ProviderFault(Kind kind, int status, Duration retryAfter) {

    enum Kind {
        /** 429: too many requests or out of quota. */
        RATE_LIMITED,
        /** 5xx, refused or dropped connection. */
        UNAVAILABLE,
        /** No answer, or no next chunk, in time. */
        TIMEOUT,
        /** An answer that is not what the provider's API promises. */
        MALFORMED,
        /** 401, 403, 404 and the like: our key, our model name, our account. */
        REFUSED,
        /** 400, 413, 422: this request would fail anywhere; neither retried nor sent elsewhere. */
        BAD_REQUEST,
        /** The provider's circuit is open: not called at all. */
        CIRCUIT_OPEN,
        /** A stream that failed after its first chunk: the text so far was already sent on. */
        CUT
    }

    /** Worth the same call again: a pause may be all the provider needs. */
    boolean retryable(Duration longestRetryAfter) {
        return switch (kind) {
            case RATE_LIMITED -> retryAfter == null || retryAfter.compareTo(longestRetryAfter) <= 0;
            case UNAVAILABLE -> true;
            default -> false;
        };
    }

    /** Worth asking the next provider of the fallback chain. */
    boolean fallsBack() {
        return kind != Kind.BAD_REQUEST && kind != Kind.CUT;
    }

    /** Counts against the provider's health; a bad request says nothing about it. */
    boolean countsAgainstProvider() {
        return kind != Kind.BAD_REQUEST;
    }

    static ProviderFault of(Throwable failure) {
        if (failure instanceof StreamCut cut) {
            return new ProviderFault(Kind.CUT, of(cut.getCause()).status(), null);
        }
        // the most telling cause wins: a timeout wrapped in an I/O error is a timeout
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ProviderFault fault = specific(t);
            if (fault != null) {
                return fault;
            }
        }
        return new ProviderFault(Kind.UNAVAILABLE, 0, null);
    }

    private static ProviderFault specific(Throwable t) {
        if (t instanceof CallNotPermittedException) {
            return new ProviderFault(Kind.CIRCUIT_OPEN, 0, null);
        }
        if (t instanceof RestClientResponseException r) {
            return ofStatus(r.getStatusCode().value(), r.getResponseHeaders());
        }
        if (t instanceof WebClientResponseException w) {
            return ofStatus(w.getStatusCode().value(), w.getHeaders());
        }
        if (t instanceof ApiException api) {
            return ofStatus(api.code(), null);
        }
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return new ProviderFault(Kind.TIMEOUT, 0, null);
        }
        if (t instanceof JsonProcessingException || t instanceof HttpMessageNotReadableException
                || t instanceof MalformedAnswer) {
            return new ProviderFault(Kind.MALFORMED, 0, null);
        }
        return null;
    }

    static ProviderFault ofStatus(int status, HttpHeaders headers) {
        Kind kind;
        if (status == 429) {
            kind = Kind.RATE_LIMITED;
        } else if (status == 408) {
            kind = Kind.TIMEOUT;
        } else if (status >= 500) {
            kind = Kind.UNAVAILABLE;
        } else if (status == 400 || status == 413 || status == 422) {
            kind = Kind.BAD_REQUEST;
        } else {
            kind = Kind.REFUSED;
        }
        return new ProviderFault(kind, status, headers == null ? null : retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
    }

    /** Retry-After is either seconds or an HTTP date; anything else is ignored. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** A stream that broke after it had started: never retried, never sent elsewhere. */
    static final class StreamCut extends RuntimeException {
        StreamCut(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A well-formed answer with nothing in it. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message);
        }
    }
}
