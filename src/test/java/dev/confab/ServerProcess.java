package dev.confab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The server as a JVM of its own, with no provider key (the offline provider answers), so that a
 * test can kill it the hard way and start it again on the same storage.
 */
final class ServerProcess {

    /** What a JVM killed by SIGKILL exits with: 128 + 9. SIGTERM (a graceful stop) would be 143. */
    static final int SIGKILLED = 137;

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server on {@code storage} and answers once it answers GET /health. */
    static ServerProcess start(List<String> storage, Path logs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // C1 only and the serial collector: the quickest start and the least CPU taken from the clients
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ConfabApplication.class.getName(),
                "--server.port=" + port, "--spring.ai.openai.api-key=", "--spring.ai.google.genai.api-key=",
                "--spring.ai.google.genai.project-id=", "--logging.level.root=ERROR"));
        command.addAll(storage);
        Path log = Files.createTempFile(logs, "server", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, port);
        Api api = new Api(port);
        try {
            await("the server's first answer to GET /health").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> !process.isAlive() || api.get("/health").status() == 200);
        } catch (ConditionTimeoutException slow) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start within 120 s: " + server.log(), slow);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("server exited: " + server.log());
        }
        return server;
    }

    int port() {
        return port;
    }

    /** Kills the JVM with SIGKILL (no shutdown hook, no graceful stop) and answers its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
