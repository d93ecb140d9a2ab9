package dev.confab.door;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whose API a route belongs to: Confab's core (which is also seed 003's, OpenAI-style errors) or
 * one of the seeds, each answering errors in its own document's format.
 */
public enum Surface {
    /** Core and seed 003: {"error": {"message", "type", "code"}}. */
    CORE,
    /** Seed 000 (Broadcust) and seed 001 (AI Maker), Lambda-style: {"error": message}. */
    LAMBDA,
    /** Seed 002 (Yral): {"error": title, "message", "details"}. */
    YRAL,
    /** Seed 004 (multi-brand, FastAPI): {"detail": message}. */
    FASTAPI;

    static Surface of(String name) {
        return name == null ? CORE : valueOf(name.toUpperCase());
    }

    public Map<String, Object> envelope(int status, String type, String title, String code, String message,
            Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case CORE -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", message);
                error.put("type", type);
                error.put("code", code);
                if (!details.isEmpty()) {
                    error.put("details", details);
                }
                body.put("error", error);
            }
            case LAMBDA -> {
                body.put("error", message);
                body.put("code", code);
            }
            case YRAL -> {
                body.put("error", title);
                body.put("message", message);
                body.put("details", details);
            }
            case FASTAPI -> body.put("detail", message);
        }
        return body;
    }
}
