import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Streaming latency through Confab: a stub of OpenAI's streaming Chat Completions on loopback
 * stamps the moment it writes each chunk; the client stamps the moment each delta arrives from
 * Confab. Both clocks are this process's System.nanoTime, so the difference is what Confab adds.
 *
 * Usage: java StreamLatency.java STUB_PORT CONFAB_URL REQUESTS WARMUP [GAP_MS]
 * Start Confab with OPENAI_BASE_URL=http://127.0.0.1:STUB_PORT and OPENAI_API_KEY=bench first;
 * this program starts the stub and waits for Confab's /health.
 *
 * GAP_MS (default 20) is the stub's pause between chunks, as a real model's 20-50 ms between
 * tokens. It is not part of the figures, which are each chunk's sending to its arrival; but a
 * chunk held until the next one arrives shows up as one gap, which a short gap would hide.
 */
public class StreamLatency {

    static final int CHUNKS = 20;
    static long gapNanos;
    static final ConcurrentHashMap<String, long[]> SENT = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        // a real provider sends each chunk at once; without TCP_NODELAY the stub would hold small
        // writes back (Nagle) and measure itself, not Confab
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int stubPort = Integer.parseInt(args[0]);
        String confab = args[1];
        int requests = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        double gapMs = args.length > 4 ? Double.parseDouble(args[4]) : 20;
        gapNanos = (long) (gapMs * 1_000_000);
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", stubPort), 64);
        stub.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int at = body.indexOf("bench-");
            String key = body.substring(at, body.indexOf(' ', at));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            long[] sent = new long[CHUNKS];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < CHUNKS; i++) {
                    byte[] chunk = ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + i + " \"},\"finish_reason\":null}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(chunk);
                    out.flush();
                    sent[i] = System.nanoTime();
                    LockSupport.parkNanos(gapNanos);
                }
                out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":20,\"total_tokens\":25}}\n\n"
                        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            }
            SENT.put(key, sent);
        });
        stub.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        stub.start();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        waitForHealth(client, confab);
        List<Double> first = new ArrayList<>();
        List<Double> perChunk = new ArrayList<>();
        for (int r = 0; r < warmup + requests; r++) {
            String key = "bench-" + r;
            HttpRequest request = HttpRequest.newBuilder(URI.create(confab + "/chat"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"" + key + " go\", \"model\": \"gpt-4o\", \"stream\": true}"))
                    .build();
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long[] received = new long[CHUNKS];
            int n = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data: {\"delta\"") && n < CHUNKS) {
                        received[n++] = System.nanoTime();
                    }
                }
            }
            long[] sent = SENT.remove(key);
            if (r < warmup || sent == null || n < CHUNKS) {
                continue;
            }
            first.add((received[0] - sent[0]) / 1e6);
            double sum = 0;
            for (int i = 0; i < CHUNKS; i++) {
                sum += (received[i] - sent[i]) / 1e6;
            }
            perChunk.add(sum / CHUNKS);
        }
        stub.stop(0);
        System.out.printf("{\"requests\": %d, \"gap_ms\": %s, \"first_token_median_ms\": %.3f, \"first_token_p99_ms\": %.3f, "
                        + "\"per_chunk_delay_median_ms\": %.3f, \"per_chunk_delay_p99_ms\": %.3f}%n",
                first.size(), gapMs, pct(first, 50), pct(first, 99), pct(perChunk, 50), pct(perChunk, 99));
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void waitForHealth(HttpClient client, String confab) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(confab + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Confab did not answer /health within 120 s");
    }
}
