package dev.confab.door.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.Surface;
import java.io.IOException;
import java.util.Set;

/** The error envelope each surface answers with (see {@link Surface#envelope}). */
final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** Whether the body is the error envelope of one of these surfaces. */
    static boolean fits(Set<Surface> surfaces, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        return json != null && surfaces.stream().anyMatch(surface -> fits(surface, json));
    }

    static boolean fits(Surface surface, JsonNode body) {
        JsonNode error = body.path("error");
        return switch (surface) {
            case CORE -> error.path("message").isTextual() && error.path("type").isTextual()
                    && error.path("code").isTextual();
            case LAMBDA -> error.isTextual() && body.path("code").isTextual();
            case YRAL -> error.isTextual() && body.path("message").isTextual() && body.path("details").isObject();
            case FASTAPI -> body.path("detail").isTextual();
        };
    }
}
