package dev.confab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Clients that keep sending chat turns to a server, each on a virtual thread, and write down what
 * the server acknowledged: a 200 whole reply, or a stream that delivered its {@code done} event,
 * acknowledges the user's message and the assistant's reply. Client {@code c} talks to
 * conversation {@code c % conversations}, so several clients append to each conversation at once,
 * and turn {@code n} goes through route {@code (c + n) % 4}.
 */
final class ChatLoad {

    static final String USER = "crash";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Route { WHOLE, STREAM, SESSION, YRAL }

    /**
     * One acknowledged turn. Ids and places are those the reply gave, null where its route gives
     * none (seed 001 answers the text only; a stream's done event names the reply only).
     */
    record Turn(int client, String conversation, Route route, String text, String userId, Long userSeq,
            String reply, String replyId, Long replySeq) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final List<String> conversations;
    private final int target;
    private final List<List<Turn>> acknowledged = new ArrayList<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final CompletableFuture<Void> reached = new CompletableFuture<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    private ChatLoad(int port, List<String> conversations, int clientCount, int target) {
        this.base = "http://127.0.0.1:" + port;
        this.conversations = conversations;
        this.target = target;
        for (int c = 0; c < clientCount; c++) {
            acknowledged.add(Collections.synchronizedList(new ArrayList<>()));
        }
    }

    /** Starts the clients; {@link #awaitAcknowledged()} returns once {@code target} turns are acknowledged. */
    static ChatLoad start(int port, List<String> conversations, int clients, int target) {
        ChatLoad load = new ChatLoad(port, conversations, clients, target);
        for (int c = 0; c < clients; c++) {
            int client = c;
            load.clients.execute(() -> load.run(client));
        }
        return load;
    }

    /** Waits until the target count of acknowledged turns; a client's failure before that fails here. */
    void awaitAcknowledged() throws Exception {
        reached.get(3, TimeUnit.MINUTES);
    }

    /** From now on a failed request is one cut by the crash, and no client starts another turn. */
    void stop() {
        stopping = true;
    }

    /** Waits for every client to end after the crash; fails if any turn failed before it. */
    void finish() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new AssertionError("clients still running two minutes after the crash");
        }
        if (!failures.isEmpty()) {
            AssertionError failed = new AssertionError(failures.size() + " turns failed before the crash",
                    failures.get(0));
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /** Each client's acknowledged turns, in the order it sent them. */
    List<List<Turn>> acknowledged() {
        return acknowledged;
    }

    /** The text of every user message any client sent, acknowledged or not. */
    Set<String> sent() {
        return sent;
    }

    /** How many requests the crash cut: sent, but never answered in full. */
    int cut() {
        return cut.get();
    }

    private void run(int client) {
        String conversation = conversations.get(client % conversations.size());
        for (int n = 0; !stopping; n++) {
            Route route = Route.values()[(client + n) % Route.values().length];
            String text = "client %d turn %d %s asks about %s".formatted(client, n,
                    UUID.randomUUID().toString().substring(0, 8), route.name().toLowerCase());
            sent.add(text);
            Turn turn;
            try {
                turn = send(client, conversation, route, text);
            } catch (IOException | UncheckedIOException | IllegalStateException failure) {
                if (stopping) {
                    cut.incrementAndGet();
                    return;
                }
                fail(new AssertionError(route + " turn failed before the crash", failure));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError wrong) {
                fail(wrong);
                return;
            }
            acknowledged.get(client).add(turn);
            if (count.incrementAndGet() == target) {
                reached.complete(null);
            }
        }
    }

    private void fail(Throwable failure) {
        failures.add(failure);
        reached.completeExceptionally(failure);
    }

    private Turn send(int client, String conversation, Route route, String text)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        return switch (route) {
            case WHOLE -> {
                JsonNode reply = post("/chat", body.put("input", text).put("conversation_id", conversation)
                        .put("user_id", USER));
                JsonNode user = reply.path("user_message");
                JsonNode assistant = reply.path("assistant_message");
                yield new Turn(client, conversation, route, text, user.path("id").asText(), user.path("seq").asLong(),
                        reply.path("output_text").asText(), assistant.path("id").asText(),
                        assistant.path("seq").asLong());
            }
            case STREAM -> stream(client, conversation, text, body.put("input", text)
                    .put("conversation_id", conversation).put("user_id", USER).put("stream", true));
            case SESSION -> {
                JsonNode reply = post("/session-message", body.put("session_id", conversation).put("message", text));
                yield new Turn(client, conversation, route, text, null, null, reply.path("reply").asText(), null, null);
            }
            case YRAL -> {
                JsonNode reply = post("/api/v1/chat/conversations/" + conversation + "/messages",
                        body.put("content", text), "X-User-Id", USER);
                yield new Turn(client, conversation, route, text, reply.path("user_message").path("id").asText(), null,
                        reply.path("assistant_message").path("content").asText(),
                        reply.path("assistant_message").path("id").asText(), null);
            }
        };
    }

    private JsonNode post(String path, JsonNode body, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A streamed turn is acknowledged by its done event; a stream that ends before it is not (answers null). */
    private Turn stream(int client, String conversation, String text, JsonNode body)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(request("/chat", body), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /chat (stream) answered " + response.statusCode());
        }
        StringBuilder reply = new StringBuilder();
        JsonNode done = null;
        try (Stream<String> lines = response.body()) {
            Iterator<String> events = lines.filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).iterator();
            while (events.hasNext()) {
                String data = events.next();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("delta")) {
                    reply.append(event.path("delta").path("text").asText());
                } else if (event.path("done").asBoolean()) {
                    done = event;
                } else {
                    throw new AssertionError("stream sent an unexpected event: " + data);
                }
            }
        } catch (UncheckedIOException | IOException cutAfterDone) {
            if (done == null) {
                throw cutAfterDone;
            }
        }
        if (done == null) {
            throw new IllegalStateException("stream ended without its done event");
        }
        if (!conversation.equals(done.path("conversation_id").asText())) {
            throw new AssertionError("done event names another conversation: " + done);
        }
        return new Turn(client, conversation, Route.STREAM, text, null, null, reply.toString(),
                done.path("message_id").asText(), null);
    }

    private HttpRequest request(String path, JsonNode body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }
}
