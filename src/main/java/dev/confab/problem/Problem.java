package dev.confab.problem;

import java.util.Map;

/**
 * A failure the caller should hear about in plain words. Every door turns it into a status
 * code and the error envelope of the surface that was called; nothing else leaks out.
 */
public class Problem extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final Map<String, Object> details;

    public Problem(ProblemKind kind, String code, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Problem(ProblemKind kind, String code, String message) {
        this(kind, code, message, Map.of(), null);
    }

    public static Problem notFound(String what, String id) {
        return new Problem(ProblemKind.NOT_FOUND, what + "_not_found", what + " '" + id + "' was not found");
    }

    public static Problem invalid(String field, String message) {
        return new Problem(ProblemKind.INVALID, "invalid_" + field, message, Map.of("field", field), null);
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(ProblemKind.BAD_REQUEST, code, message);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
