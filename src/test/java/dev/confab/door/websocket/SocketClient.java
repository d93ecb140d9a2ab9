package dev.confab.door.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tests' WebSocket client, the JDK's: every text message the server sends, parsed, in order,
 * and the code the server closed with. Every wait is bounded.
 */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private SocketClient() {
    }

    /** Opens {@code /ws/chat/{brand}}; {@code origin} as a browser page would send it, or null. */
    public static SocketClient connect(int port, String brand, String origin) {
        SocketClient client = new SocketClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri(port, brand), client).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    public static SocketClient connect(int port, String brand) {
        return connect(port, brand, null);
    }

    public static URI uri(int port, String brand) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/chat/" + brand);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("the server sent no JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends a chat message; {@code fields} adds data fields as name, value pairs. */
    public void chat(String message, Object... fields) {
        ObjectNode frame = JSON.createObjectNode().put("type", "chat");
        ObjectNode data = frame.putObject("data").put("message", message);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            data.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        send(frame.toString());
    }

    /** The next message the server sent. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message from the server within " + WAIT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages up to and with the next complete or error. */
    public List<JsonNode> reply() {
        List<JsonNode> messages = new ArrayList<>();
        JsonNode message;
        do {
            message = next();
            messages.add(message);
        } while (!List.of("complete", "error").contains(message.path("type").asText()));
        return messages;
    }

    /** The next message, which must be an error; answers its data. */
    public JsonNode error() {
        JsonNode message = next();
        assertThat(message.path("type").asText()).as(message.toString()).isEqualTo("error");
        return message.path("data");
    }

    /** The close code the server sent. */
    public int closeCode() {
        return closeCode(WAIT);
    }

    public int closeCode(Duration wait) {
        return closed.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Leaves as a client that goes away does: the TCP connection drops, no close handshake. */
    @Override
    public void close() {
        socket.abort();
    }
}
