package dev.confab.door.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.persona.Persona;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriUtils;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Seed 004's chat protocol (see package-info) on {@code /ws/chat/{brand_id}}. A bad message gets an
 * error frame and the connection stays open; only an unknown brand, an oversized message or an idle
 * connection closes it.
 */
final class BrandChatHandler extends TextWebSocketHandler {

    /** Like HTTP's 404, in the range RFC 6455 leaves to applications, so a client can tell it from other closes. */
    static final CloseStatus BRAND_NOT_FOUND = new CloseStatus(4404, Frame.BRAND_NOT_FOUND);

    private static final Logger log = LoggerFactory.getLogger(BrandChatHandler.class);
    private static final String CONNECTION = Connection.class.getName();

    private final BrandTurns turns;
    private final ObjectMapper mapper;
    private final int maxMessageBytes;
    /**
     * Turns run here, on virtual threads: storing and loading block, and so may a send to a slow
     * client. The container's thread is free again at once (it reads the next frames, such as a
     * close), and the provider client's threads only hand chunks over.
     */
    private final Scheduler turnThreads = Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(),
            "confab-websocket");

    BrandChatHandler(BrandTurns turns, ObjectMapper mapper, int maxMessageBytes) {
        this.turns = turns;
        this.mapper = mapper;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Connection connection = new Connection(session, brandOf(session.getUri()), mapper);
        Optional<Persona> brand;
        try {
            brand = turns.brand(connection.brand());
        } catch (RuntimeException failure) {
            connection.send(Frame.error(BrandTurns.problemOf(failure), null));
            connection.close(CloseStatus.SERVER_ERROR);
            return;
        }
        if (brand.isEmpty()) {
            connection.send(Frame.error(BrandTurns.brandNotFound(connection.brand()), null));
            connection.close(BRAND_NOT_FOUND);
            return;
        }
        session.getAttributes().put(CONNECTION, connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        if (connection == null) {
            return; // refused on opening, closing now
        }
        // Tomcat's limit counts characters; this one counts the bytes the setting names
        if (message.getPayloadLength() > maxMessageBytes) {
            connection.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        ChatMessage chat;
        try {
            chat = ChatMessage.parse(message.getPayload(), mapper, turns.maxInputChars());
        } catch (Problem problem) {
            connection.send(Frame.error(problem, null));
            return;
        }
        Turn turn = new Turn(connection);
        if (!connection.begin(turn)) {
            connection.send(Frame.error(new Problem(ProblemKind.CONFLICT, "turn_in_progress",
                    "a reply is still streaming; send the next message after its complete or error"), null));
            return;
        }
        // requests go upstream directly (false): the turn threads run tasks side by side, not in turn
        turns.frames(connection.brand(), chat).subscribeOn(turnThreads, false).publishOn(turnThreads).subscribe(turn);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable failure) {
        log.debug("websocket {}: {}", session.getId(), failure.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = (Connection) session.getAttributes().remove(CONNECTION);
        if (connection != null) {
            connection.closed();
        }
    }

    void stop() {
        turnThreads.dispose();
    }

    /** The last segment of {@code /ws/chat/{brand_id}}, decoded: a brand's name may hold any character. */
    static String brandOf(URI uri) {
        String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
        return UriUtils.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }
}
