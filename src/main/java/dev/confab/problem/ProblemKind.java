package dev.confab.problem;

import java.util.Arrays;
import java.util.Optional;

/** What went wrong, with the HTTP status every door answers it with. */
public enum ProblemKind {
    BAD_REQUEST(400, "invalid_request_error", "Bad Request"),
    UNAUTHORIZED(401, "authentication_error", "Unauthorized"),
    FORBIDDEN(403, "permission_error", "Forbidden"),
    NOT_FOUND(404, "not_found_error", "Not Found"),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "Method Not Allowed"),
    CONFLICT(409, "conflict_error", "Conflict"),
    TOO_LARGE(413, "invalid_request_error", "Payload Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "Unsupported Media Type"),
    INVALID(422, "validation_error", "Validation Error"),
    RATE_LIMITED(429, "rate_limit_error", "Rate Limit Exceeded"),
    INTERNAL(500, "server_error", "Internal Server Error"),
    PROVIDER_FAILED(502, "provider_error", "Bad Gateway"),
    UNAVAILABLE(503, "service_unavailable", "Service Unavailable"),
    PROVIDER_TIMEOUT(504, "timeout_error", "Gateway Timeout");

    private final int status;
    private final String type;
    private final String title;

    ProblemKind(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** The kind answered with this status, if any is. */
    public static Optional<ProblemKind> of(int status) {
        return Arrays.stream(values()).filter(k -> k.status == status).findFirst();
    }

    public int status() {
        return status;
    }

    /** Machine-readable category, as in the OpenAI-style envelope. */
    public String type() {
        return type;
    }

    /** Human-readable category, as in the seed 002 envelope. */
    public String title() {
        return title;
    }
}
