package dev.confab.door.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One client's connection to one brand. A turn's thread and the container's thread (answering a bad
 * message) may send at once; Spring's decorator lets one write and queues the other, in order. One
 * turn runs at a time, so the chunks of two replies never interleave.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** A client that takes longer than this to take one message is treated as gone. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    /** What may queue for a slow client before the connection is closed (4500, Spring's "not reliable") rather than grow. */
    private static final int BUFFER_LIMIT_BYTES = 1024 * 1024;

    private final WebSocketSession session;
    private final String brand;
    private final ObjectMapper mapper;
    private final AtomicReference<Turn> turn = new AtomicReference<>();
    private volatile boolean closed;

    Connection(WebSocketSession session, String brand, ObjectMapper mapper) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        this.brand = brand;
        this.mapper = mapper;
    }

    /** The brand as the client named it in the path: an id or a name. */
    String brand() {
        return brand;
    }

    /** Whether {@code next} may run now, that is, no other turn is running. */
    boolean begin(Turn next) {
        return !closed && turn.compareAndSet(null, next);
    }

    void end(Turn done) {
        turn.compareAndSet(done, null);
    }

    /** Sends a frame; false when it could not be, because the client is gone or too slow. */
    boolean send(Frame frame) {
        if (closed || !session.isOpen()) {
            return false;
        }
        try {
            session.sendMessage(new TextMessage(mapper.writeValueAsString(frame)));
            return true;
        } catch (SessionLimitExceededException tooSlow) {
            log.debug("websocket {}: {}", session.getId(), tooSlow.getMessage());
            close(tooSlow.getStatus());
            return false;
        } catch (IOException | IllegalStateException gone) {
            log.debug("websocket {}: send failed: {}", session.getId(), gone.toString());
            return false;
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | IllegalStateException e) {
            log.debug("websocket {}: close failed: {}", session.getId(), e.toString());
        }
    }

    /** The connection ended: the turn in flight is cancelled, which stores its text so far as incomplete. */
    void closed() {
        closed = true;
        Turn running = turn.getAndSet(null);
        if (running != null) {
            running.dispose();
        }
    }
}
