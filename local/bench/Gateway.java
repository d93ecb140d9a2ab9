import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What Confab adds to a provider call: a zero-latency stub of OpenAI's Chat Completions
 * (non-streaming, the real wire format) on loopback, and a load generator that measures the stub
 * directly (client → stub) and through Confab (client → POST /chat → the real Spring AI OpenAI
 * client → stub), at a fixed rate and at saturation. Dependency-free: run with the JDK.
 *
 *   java Gateway.java stub PORT
 *   java Gateway.java load STUB_PORT CONFAB_PORT CONFAB_PID OUT_PREFIX [name=value...]
 *
 * Start the stub, then Confab with OPENAI_BASE_URL=http://127.0.0.1:STUB_PORT and OPENAI_API_KEY
 * set, then the load. Settings (name=value): rate (turns/s at the fixed rate, 100), fixed (seconds,
 * 15), clients (most turns in flight at the fixed rate, 64), connections (closed loop, 16),
 * saturation (seconds, 15), warmup (seconds, 20), fixed_warmup (seconds at the fixed rate after the
 * warm-up, not measured, 0), settle_max (seconds: the fixed-rate warm-up then goes on 5 s at a time
 * until three stretches in a row in which Confab's JIT compiler threads used at most 2% of a core, up
 * to this long in all, 0), turns (per conversation, 5). The load prints one JSON line of figures and
 * writes OUT_PREFIX-latency.tsv, -throughput.tsv and -rss.tsv for the plots.
 *
 * Fixed rate is an open loop: turn i is due at start + i/rate whatever happened before, and its
 * latency counts from that due time, so a stall delays every turn due during it (no coordinated
 * omission). Saturation is a closed loop: each connection sends its next turn as soon as the last
 * one is answered.
 *
 * Turns are realistic: a conversation is started (no conversation_id) and then continued until it
 * has had `turns` turns, so its stored history grows, and a new one starts; with turns=5, one turn
 * in five creates a conversation. The direct stub calls send the same growing message lists.
 */
public class Gateway {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("stub")) {
            Stub.serve(Integer.parseInt(args[1]));
        } else if (args.length >= 5 && args[0].equals("load")) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 5; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                settings.put(kv[0], kv[1]);
            }
            new Load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), args[4], settings).run();
        } else {
            System.err.println("usage: java Gateway.java stub PORT | load STUB_PORT CONFAB_PORT CONFAB_PID OUT_PREFIX [name=value...]");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The stub provider

    /**
     * OpenAI's POST /v1/chat/completions answered at once with a whole completion, as the real API
     * sends it (headers, fields, usage). Raw sockets, one virtual thread per connection, keep-alive:
     * the stub itself should cost as little as it can, so the difference is Confab's.
     */
    static final class Stub {

        static final String REPLY = "Sure. Start with the smallest change that shows the idea works, measure it, "
                + "and only then make it general: a benchmark that runs in minutes tells you more than a design "
                + "that takes a week. Keep the numbers next to the code so the next person sees them.";

        static void serve(int port) throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
            System.out.println("stub ready on " + port);
            System.out.flush();
            ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
            AtomicLong served = new AtomicLong();
            while (true) {
                Socket socket = server.accept();
                threads.execute(() -> connection(socket, served));
            }
        }

        private static void connection(Socket socket, AtomicLong served) {
            try (socket) {
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                OutputStream out = socket.getOutputStream();
                while (true) {
                    Http.Request request = Http.readRequest(in);
                    if (request == null) {
                        return;
                    }
                    if (!request.target().equals("/v1/chat/completions") || !request.method().equals("POST")) {
                        out.write(Http.response(404, "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}"));
                        continue;
                    }
                    long n = served.incrementAndGet();
                    // prompt tokens grow with the request, as a real count would
                    int promptTokens = 20 + request.body().length / 4;
                    out.write(Http.response(200, completion(n, promptTokens)));
                    if (request.close()) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client closed the connection
            }
        }

        static String completion(long n, int promptTokens) {
            return "{\"id\":\"chatcmpl-bench" + n + "\",\"object\":\"chat.completion\",\"created\":1732000000,"
                    + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + REPLY + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens
                    + ",\"completion_tokens\":52,\"total_tokens\":" + (promptTokens + 52)
                    + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                    + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
                    + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_bench\"}";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP/1.1 over plain sockets, just enough for both ends

    static final class Http {

        record Request(String method, String target, byte[] body, boolean close) {
        }

        record Response(int status, byte[] body, boolean close) {
        }

        static byte[] response(int status, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + "openai-processing-ms: 0\r\nx-request-id: req_bench\r\n\r\n";
            return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
        }

        static byte[] post(String host, String path, byte[] body) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
        }

        /** The next request on a connection, or null when the client closed it. */
        static Request readRequest(InputStream in) throws IOException {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] start = line.split(" ");
            Head head = readHead(in);
            return new Request(start[0], start[1], readBody(in, head), head.close);
        }

        static Response readResponse(InputStream in) throws IOException {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("connection closed before the response");
            }
            int status = Integer.parseInt(line.substring(9, 12));
            Head head = readHead(in);
            return new Response(status, readBody(in, head), head.close);
        }

        private record Head(long length, boolean chunked, boolean close) {
        }

        private static Head readHead(InputStream in) throws IOException {
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> {
                    }
                }
            }
            return new Head(length, chunked, close);
        }

        private static byte[] readBody(InputStream in, Head head) throws IOException {
            if (!head.chunked) {
                return in.readNBytes((int) head.length);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                readLine(in);
            }
        }

        /** A line without its CRLF; null at the end of the stream. */
        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    int end = line.length();
                    return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    /** One keep-alive client connection; reconnects when the server closes it. */
    static final class Connection implements AutoCloseable {

        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean used;

        Connection(int port) {
            this.port = port;
        }

        Http.Response post(String path, byte[] body) throws IOException {
            byte[] request = Http.post("127.0.0.1:" + port, path, body);
            try {
                return exchange(request);
            } catch (IOException stale) {
                if (!used) {
                    throw stale;
                }
                // a server may close an idle keep-alive connection; a browser retries on a new one too
                close();
                return exchange(request);
            }
        }

        private Http.Response exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
                used = false;
            }
            out.write(request);
            out.flush();
            Http.Response response = Http.readResponse(in);
            used = true;
            if (response.close()) {
                close();
            }
            return response;
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Turns: what a client sends

    /** A conversation in progress: Confab's id for it, and the user messages sent so far. */
    static final class Conversation {
        final int number;
        String id;
        final List<String> inputs = new ArrayList<>();

        Conversation(int number) {
            this.number = number;
        }
    }

    /** Where a turn goes: Confab's POST /chat, or the stub's Chat Completions directly. */
    interface Target {
        String name();

        int port();

        String path();

        byte[] body(Conversation c, String input);

        /** Takes what the turn's answer says (Confab's conversation id); false if it is not a good answer. */
        boolean answered(Conversation c, Http.Response response);
    }

    static final String[] QUESTIONS = {
            "I'm planning a three-day trip to Lisbon in March. What should I see first, and is it walkable?",
            "Good. Which of those are best on a rainy day, and how early should I get there to avoid queues?",
            "What is a typical dinner there, and roughly what does it cost per person in a normal restaurant?",
            "Can you suggest a day trip by train, with the times that work if I leave after breakfast?",
            "Thanks! Summarise the plan day by day in a short list I can keep on my phone.",
            "One more thing: which neighbourhood is quiet at night but close to the tram lines?",
            "And if I had a fourth day, what would you add, given what we planned already?",
    };

    static String question(Conversation c) {
        return QUESTIONS[c.inputs.size() % QUESTIONS.length] + " (" + c.number + ")";
    }

    static Target confab(int port) {
        return new Target() {
            public String name() {
                return "confab";
            }

            public int port() {
                return port;
            }

            public String path() {
                return "/chat";
            }

            public byte[] body(Conversation c, String input) {
                String json = "{\"input\":\"" + input + "\",\"model\":\"gpt-4o\",\"user_id\":\"bench-" + (c.number % 97) + "\""
                        + (c.id == null ? "" : ",\"conversation_id\":\"" + c.id + "\"") + "}";
                return json.getBytes(StandardCharsets.UTF_8);
            }

            public boolean answered(Conversation c, Http.Response response) {
                if (response.status() != 200) {
                    return false;
                }
                String json = new String(response.body(), StandardCharsets.UTF_8);
                int at = json.indexOf("\"conversation_id\":\"");
                if (at < 0) {
                    return false;
                }
                at += 19;
                c.id = json.substring(at, json.indexOf('"', at));
                return true;
            }
        };
    }

    static Target stub(int port) {
        return new Target() {
            public String name() {
                return "stub";
            }

            public int port() {
                return port;
            }

            public String path() {
                return "/v1/chat/completions";
            }

            public byte[] body(Conversation c, String input) {
                // what Spring AI sends for the same turn: the history, then the new message
                StringBuilder json = new StringBuilder("{\"messages\":[");
                for (String earlier : c.inputs) {
                    json.append("{\"content\":\"").append(earlier).append("\",\"role\":\"user\"},")
                            .append("{\"content\":\"").append(Stub.REPLY).append("\",\"role\":\"assistant\"},");
                }
                json.append("{\"content\":\"").append(input).append("\",\"role\":\"user\"}],\"model\":\"gpt-4o\","
                        + "\"stream\":false,\"temperature\":0.7}");
                return json.toString().getBytes(StandardCharsets.UTF_8);
            }

            public boolean answered(Conversation c, Http.Response response) {
                return response.status() == 200 && response.body().length > 0;
            }
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The load

    /** Latencies of one phase, in nanoseconds, and how many turns failed. */
    record Phase(String name, long[] nanos, int errors, double seconds, int[] perSecond, double cpuMsPerTurn) {

        Phase withCpu(double cpuMs) {
            return new Phase(name, nanos, errors, seconds, perSecond, nanos.length == 0 ? Double.NaN : cpuMs / nanos.length);
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        double throughput() {
            return nanos.length / seconds;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"turns\": %d, \"errors\": %d, \"seconds\": %.1f, \"turns_per_s\": %.1f, "
                            + "\"p50_ms\": %.3f, \"p90_ms\": %.3f, \"p99_ms\": %.3f, \"p999_ms\": %.3f, \"max_ms\": %.3f, "
                            + "\"server_cpu_ms_per_turn\": %.3f}",
                    nanos.length, errors, seconds, throughput(), percentile(50), percentile(90), percentile(99),
                    percentile(99.9), percentile(100), cpuMsPerTurn);
        }
    }

    static final class Load {

        final Target stub;
        final Target confab;
        final long pid;
        final String out;
        final double rate;
        final int fixedSeconds;
        final int connections;
        final int clients;
        final int saturationSeconds;
        final int warmupSeconds;
        final int fixedWarmupSeconds;
        final int settleMaxSeconds;
        final int turnsPerConversation;
        final AtomicInteger conversationNumbers = new AtomicInteger();
        final List<String> rss = new ArrayList<>();
        volatile String phase = "start";

        Load(int stubPort, int confabPort, long pid, String out, Map<String, String> settings) {
            this.stub = stub(stubPort);
            this.confab = confab(confabPort);
            this.pid = pid;
            this.out = out;
            this.rate = Double.parseDouble(settings.getOrDefault("rate", "100"));
            this.fixedSeconds = Integer.parseInt(settings.getOrDefault("fixed", "15"));
            this.connections = Integer.parseInt(settings.getOrDefault("connections", "16"));
            this.clients = Integer.parseInt(settings.getOrDefault("clients", "64"));
            this.saturationSeconds = Integer.parseInt(settings.getOrDefault("saturation", "15"));
            this.warmupSeconds = Integer.parseInt(settings.getOrDefault("warmup", "20"));
            this.fixedWarmupSeconds = Integer.parseInt(settings.getOrDefault("fixed_warmup", "0"));
            this.settleMaxSeconds = Integer.parseInt(settings.getOrDefault("settle_max", "0"));
            this.turnsPerConversation = Integer.parseInt(settings.getOrDefault("turns", "5"));
        }

        void run() throws Exception {
            waitForHealth(confab.port(), pid);
            Thread sampler = Thread.ofPlatform().daemon().start(this::sampleMemory);
            // warm both paths up (JIT, pools, caches) with the closed loop, then measure; the stub and
            // Confab phases alternate so that drift in a shared machine's load touches both
            phase = "warmup";
            closedLoop(stub, "warmup-stub", Math.max(3, warmupSeconds / 4));
            closedLoop(confab, "warmup", warmupSeconds);
            // and at the fixed rate, whose code paths (a commit per write, idle threads woken) the
            // closed loop does not settle: the JIT recompiles them for a while after the switch
            if (fixedWarmupSeconds > 0) {
                openLoop(confab, "warmup fixed", fixedWarmupSeconds);
            }
            int settledSeconds = fixedWarmupSeconds; // how long the fixed-rate warm-up took in all
            // a lone turn's paths are compiled only once they have been called often enough: with C2
            // alone (no tiers) after about 10,000 calls, which at 100 turns/s takes a minute or more; until
            // then they run in the interpreter and the compiler thread takes a core's share. The fixed rate
            // is measured once the compilers have gone quiet, as they are in a server that has been up a
            // while: 15 s in a row (after a single quiet 5 s stretch, a measured phase had the compiler at 27%).
            for (int quiet = 0; quiet < 3 && settledSeconds < settleMaxSeconds; ) {
                quiet = compilerBusy(5) <= 0.02 ? quiet + 1 : 0;
                settledSeconds += 5;
            }
            phase = "stub fixed";
            Phase stubFixed = openLoop(stub, "stub fixed");
            phase = "confab fixed";
            double cpu = cpuMs();
            Map<String, Long> compilers = compilerTicks();
            Phase confabFixed = openLoop(confab, "confab fixed").withCpu(cpuMs() - cpu);
            double fixedCompilerCpuMs = ticksSince(compilers) * 10.0;
            phase = "stub saturation";
            Phase stubSaturation = closedLoop(stub, "stub saturation", Math.max(5, saturationSeconds / 3));
            phase = "confab saturation";
            cpu = cpuMs();
            Phase confabSaturation = closedLoop(confab, "confab saturation", saturationSeconds).withCpu(cpuMs() - cpu);
            phase = "end";
            Thread.sleep(200);
            sampler.interrupt();
            sampler.join();

            writeLatencies(List.of(stubFixed, confabFixed, stubSaturation, confabSaturation));
            writeThroughput(List.of(stubSaturation, confabSaturation));
            Files.write(Path.of(out + "-rss.tsv"), rss);
            System.out.println(String.format(Locale.ROOT, "{\"rate\": %.0f, \"fixed_seconds\": %d, \"clients\": %d, \"connections\": %d, "
                            + "\"saturation_seconds\": %d, \"warmup_seconds\": %d, \"fixed_warmup_seconds\": %d, \"settle_max_seconds\": %d, \"settled_seconds\": %d, "
                            + "\"fixed_compiler_cpu_ms\": %.0f, \"turns_per_conversation\": %d, "
                            + "\"stub_fixed\": %s, \"confab_fixed\": %s, \"stub_saturation\": %s, \"confab_saturation\": %s, "
                            + "\"memory\": %s}",
                    rate, fixedSeconds, clients, connections, saturationSeconds, warmupSeconds, fixedWarmupSeconds, settleMaxSeconds, settledSeconds,
                    fixedCompilerCpuMs, turnsPerConversation,
                    stubFixed.json(), confabFixed.json(), stubSaturation.json(), confabSaturation.json(), memory()));
        }

        /**
         * CPU time Confab has used so far (user + system, from /proc): per turn, it says what a turn
         * costs even when other processes share the cores and the latencies are noisy.
         */
        double cpuMs() throws IOException {
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))) * 10.0;
        }

        /** User + system time in a /proc stat line (of a process or a thread), in clock ticks of 10 ms (USER_HZ = 100). */
        static long cpuTicks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Share of a core Confab's JIT compiler threads used while the fixed rate ran for this long. */
        double compilerBusy(int seconds) throws Exception {
            Map<String, Long> before = compilerTicks();
            openLoop(confab, "warmup fixed", seconds);
            return ticksSince(before) * 10.0 / (seconds * 1000.0);
        }

        /** CPU clock ticks (10 ms) of each of Confab's JIT compiler threads ("C1 CompilerThre", "C2 ..."), by thread id. */
        Map<String, Long> compilerTicks() throws IOException {
            Map<String, Long> ticks = new LinkedHashMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        if (stat.contains("CompilerThre")) {
                            ticks.put(task.getFileName().toString(), cpuTicks(stat));
                        }
                    } catch (IOException gone) {
                        // compiler threads come and go with the JIT's queue
                    }
                }
            }
            return ticks;
        }

        /** Compiler ticks since the snapshot; a thread that ended in between is not counted. */
        long ticksSince(Map<String, Long> before) throws IOException {
            long ticks = 0;
            for (Map.Entry<String, Long> now : compilerTicks().entrySet()) {
                ticks += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
            return ticks;
        }

        /** One turn on a connection: true if it was answered well. */
        boolean turn(Target target, Connection connection, Conversation c) {
            String input = question(c);
            try {
                Http.Response response = connection.post(target.path(), target.body(c, input));
                if (!target.answered(c, response)) {
                    if (errorsShown.getAndIncrement() < 3) {
                        System.err.println(target.name() + " answered " + response.status() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    return false;
                }
                c.inputs.add(input);
                return true;
            } catch (IOException e) {
                connection.close();
                if (errorsShown.getAndIncrement() < 3) {
                    System.err.println(target.name() + ": " + e);
                }
                return false;
            }
        }

        final AtomicInteger errorsShown = new AtomicInteger();

        Conversation next(Conversation c) {
            return c == null || c.inputs.size() >= turnsPerConversation
                    ? new Conversation(conversationNumbers.incrementAndGet()) : c;
        }

        /**
         * Open loop at {@code rate}: turn i is due at start + i/rate; a virtual thread takes an idle
         * connection (or opens one) and an idle conversation (or starts one) and sends it. Latency
         * counts from the due time, so waiting behind a stall is counted, not hidden.
         */
        Phase openLoop(Target target, String name) throws InterruptedException {
            return openLoop(target, name, fixedSeconds);
        }

        Phase openLoop(Target target, String name, int seconds) throws InterruptedException {
            int count = (int) Math.round(rate * seconds);
            long[] nanos = new long[count];
            boolean[] ok = new boolean[count];
            ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Conversation> waiting = new ConcurrentLinkedQueue<>();
            // a caller's connection pool: at most this many turns in flight; a turn due while all are
            // busy waits at the client, and that wait counts in its latency
            Semaphore outstanding = new Semaphore(clients);
            long period = (long) (1e9 / rate);
            long start = System.nanoTime() + 20_000_000;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    long due = start + i * period;
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    int index = i;
                    threads.execute(() -> {
                        outstanding.acquireUninterruptibly();
                        Connection connection = idle.poll();
                        if (connection == null) {
                            connection = new Connection(target.port());
                        }
                        Conversation c = waiting.poll();
                        c = next(c);
                        ok[index] = turn(target, connection, c);
                        nanos[index] = System.nanoTime() - due;
                        idle.offer(connection);
                        if (ok[index] && c.inputs.size() < turnsPerConversation) {
                            waiting.offer(c);
                        }
                        outstanding.release();
                    });
                }
            }
            idle.forEach(Connection::close);
            double took = (System.nanoTime() - start) / 1e9;
            return phase(name, nanos, ok, took, new int[0]);
        }

        /** Closed loop: {@code connections} clients, each sending its next turn when the last is answered. */
        Phase closedLoop(Target target, String name, int seconds) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            List<long[]> all = new ArrayList<>();
            AtomicInteger errors = new AtomicInteger();
            int[] perSecond = new int[seconds];
            List<Thread> clients = new ArrayList<>();
            for (int k = 0; k < connections; k++) {
                long[] mine = new long[(int) Math.min(2_000_000, seconds * 50_000L)];
                all.add(mine);
                clients.add(Thread.ofVirtual().start(() -> {
                    int n = 0;
                    Conversation c = null;
                    try (Connection connection = new Connection(target.port())) {
                        while (System.nanoTime() < end && n < mine.length - 1) {
                            c = next(c);
                            long sent = System.nanoTime();
                            boolean ok = turn(target, connection, c);
                            long done = System.nanoTime();
                            if (done > end) {
                                break;
                            }
                            if (ok) {
                                mine[++n] = done - sent;
                                int second = (int) ((done - start) / 1_000_000_000L);
                                synchronized (perSecond) {
                                    perSecond[Math.min(second, perSecond.length - 1)]++;
                                }
                            } else {
                                errors.incrementAndGet();
                                c = null;
                            }
                        }
                    }
                    mine[0] = n;
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            int total = all.stream().mapToInt(m -> (int) m[0]).sum();
            long[] nanos = new long[total];
            int at = 0;
            for (long[] m : all) {
                System.arraycopy(m, 1, nanos, at, (int) m[0]);
                at += (int) m[0];
            }
            return new Phase(name, nanos, errors.get(), seconds, perSecond, Double.NaN);
        }

        static Phase phase(String name, long[] nanos, boolean[] ok, double seconds, int[] perSecond) {
            int good = 0;
            for (boolean b : ok) {
                good += b ? 1 : 0;
            }
            long[] kept = new long[good];
            int at = 0;
            for (int i = 0; i < nanos.length; i++) {
                if (ok[i]) {
                    kept[at++] = nanos[i];
                }
            }
            return new Phase(name, kept, nanos.length - good, seconds, perSecond, Double.NaN);
        }

        /** VmRSS and VmHWM of Confab every 100 ms, with the phase running then. */
        void sampleMemory() {
            long start = System.nanoTime();
            rss.add("seconds\tphase\trss_mb\thwm_mb\tthreads");
            Path status = Path.of("/proc/" + pid + "/status");
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long vmRss = 0, vmHwm = 0, threads = 0;
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            vmRss = kb(line);
                        } else if (line.startsWith("VmHWM:")) {
                            vmHwm = kb(line);
                        } else if (line.startsWith("Threads:")) {
                            threads = kb(line);
                        }
                    }
                    rss.add(String.format(Locale.ROOT, "%.2f\t%s\t%.1f\t%.1f\t%d", (System.nanoTime() - start) / 1e9,
                            phase, vmRss / 1024.0, vmHwm / 1024.0, threads));
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    return; // the server is gone
                }
            }
        }

        static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }

        /** Peak and steady resident memory under load (the warm-up and both Confab phases), in MB. */
        String memory() {
            List<double[]> fixed = new ArrayList<>();
            List<double[]> saturation = new ArrayList<>();
            double peak = 0, hwm = 0;
            for (String line : rss.subList(1, rss.size())) {
                String[] f = line.split("\t");
                double[] v = {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
                hwm = Math.max(hwm, v[1]);
                if (f[1].startsWith("confab") || f[1].equals("warmup")) {
                    peak = Math.max(peak, v[0]);
                }
                (f[1].equals("confab fixed") ? fixed : f[1].equals("confab saturation") ? saturation : new ArrayList<double[]>()).add(v);
            }
            return String.format(Locale.ROOT, "{\"rss_fixed_median_mb\": %.1f, \"rss_saturation_median_mb\": %.1f, "
                    + "\"rss_peak_under_load_mb\": %.1f, \"vm_hwm_mb\": %.1f}", median(fixed), median(saturation), peak, hwm);
        }

        static double median(List<double[]> samples) {
            double[] v = samples.stream().mapToDouble(s -> s[0]).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }

        /** Each phase's latency at every 0.1 percentile from 0 to 99.9, and the maximum. */
        void writeLatencies(List<Phase> phases) throws IOException {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out + "-latency.tsv")))) {
                w.println("phase\tpercentile\tms");
                for (Phase p : phases) {
                    long[] sorted = p.nanos().clone();
                    Arrays.sort(sorted);
                    if (sorted.length == 0) {
                        continue;
                    }
                    for (int i = 0; i <= 1000; i++) {
                        double pct = i < 1000 ? i / 10.0 : 100;
                        int at = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(pct / 100 * sorted.length) - 1));
                        w.printf(Locale.ROOT, "%s\t%.1f\t%.4f%n", p.name(), pct, sorted[at] / 1e6);
                    }
                    for (double pct : new double[] {99.95, 99.99}) {
                        int at = Math.min(sorted.length - 1, (int) Math.ceil(pct / 100 * sorted.length) - 1);
                        w.printf(Locale.ROOT, "%s\t%.2f\t%.4f%n", p.name(), pct, sorted[at] / 1e6);
                    }
                }
            }
        }

        void writeThroughput(List<Phase> phases) throws IOException {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out + "-throughput.tsv")))) {
                w.println("phase\tsecond\tturns");
                for (Phase p : phases) {
                    for (int s = 0; s < p.perSecond().length; s++) {
                        w.printf(Locale.ROOT, "%s\t%d\t%d%n", p.name(), s + 1, p.perSecond()[s]);
                    }
                }
            }
        }

        static void waitForHealth(int port, long pid) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    throw new IllegalStateException("Confab (pid " + pid + ") exited before answering /health; see its log");
                }
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    if (Http.readResponse(new BufferedInputStream(socket.getInputStream())).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("Confab did not answer /health within 120 s");
        }
    }
}
