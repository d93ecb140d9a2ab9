package dev.confab.door;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.problem.ProblemKind;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;

/**
 * Writes a refusal in the core error envelope straight to a response, for the places that answer
 * before any handler runs (a WebSocket handshake, Spring's CORS check).
 */
public final class Refusal {

    private Refusal() {
    }

    public static void write(ServerHttpResponse response, ObjectMapper mapper, ProblemKind kind, String code,
            String message) throws IOException {
        response.setStatusCode(HttpStatus.valueOf(kind.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(mapper.writeValueAsBytes(
                Surface.CORE.envelope(kind.status(), kind.type(), kind.title(), code, message, Map.of())));
    }
}
