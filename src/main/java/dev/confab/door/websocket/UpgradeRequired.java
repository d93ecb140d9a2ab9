package dev.confab.door.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.Refusal;
import dev.confab.problem.ProblemKind;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A plain HTTP request to the WebSocket path (no {@code Upgrade: websocket}) gets 400 in the core
 * error envelope, as every other refused request does, instead of the handshake handler's plain-text
 * refusal. Interceptors run before the handshake handler's own checks, so this one answers first.
 * A request whose headers Spring cannot read gets 400 too, not the 500 of the exception.
 */
final class UpgradeRequired implements HandshakeInterceptor {

    static final String CODE = "websocket_upgrade_required";
    static final String UNREADABLE = "invalid_header";

    private final ObjectMapper mapper;

    UpgradeRequired(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        String upgrade;
        try {
            upgrade = request.getHeaders().getUpgrade();
        } catch (IllegalArgumentException unreadable) {
            // Spring reads every header at once and refuses some (Content-Type: */*, say); so would the
            // handshake handler after this
            Refusal.write(response, mapper, ProblemKind.BAD_REQUEST, UNREADABLE,
                    "a header of this request cannot be read (a Content-Type with a wildcard, say)");
            return false;
        }
        if (HttpMethod.GET.equals(request.getMethod()) && "websocket".equalsIgnoreCase(upgrade)) {
            return true;
        }
        Refusal.write(response, mapper, ProblemKind.BAD_REQUEST, CODE,
                "this path takes WebSocket connections only: a GET with Upgrade: websocket");
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception failure) {
        // nothing to add once the handshake has run
    }
}
