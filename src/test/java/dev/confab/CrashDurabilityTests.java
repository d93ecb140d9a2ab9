package dev.confab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.storage.Postgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged message survives a killed process: the server runs as its own JVM, is killed
 * with SIGKILL right after its last answer, and starts again on the same storage.
 */
class CrashDurabilityTests {

    @TempDir
    Path data;

    @Test
    void acknowledgedMessagesSurviveSigkillOnTheEmbeddedStore() throws Exception {
        survivesSigkill(List.of("--CONFAB_DATA_DIR=" + data));
    }

    @Test
    void acknowledgedMessagesSurviveSigkillOnPostgres() throws Exception {
        String schema = Postgres.newSchema();
        survivesSigkill(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + Postgres.url(schema),
                "--spring.flyway.schemas=" + schema));
    }

    private void survivesSigkill(List<String> storage) throws Exception {
        int port = freePort();
        Process first = start(port, storage);
        Api api = new Api(port);
        String conversation = api.post("/conversations", "{\"user_id\": \"crash\"}").text("id");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = "message " + i + " " + UUID.randomUUID();
            Api.Reply reply = api.post("/chat", "{\"input\": \"%s\", \"conversation_id\": \"%s\"}".formatted(text, conversation));
            assertThat(reply.status()).isEqualTo(200);
            acknowledged.add(text);
            acknowledged.add(reply.text("output_text"));
        }
        first.destroyForcibly().waitFor();

        Process second = start(port, storage);
        try {
            Api.Reply messages = api.get("/conversations/" + conversation + "/messages?limit=100");
            assertThat(messages.json().findValuesAsText("content")).containsExactlyElementsOf(acknowledged);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private Process start(int port, List<String> storage) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ConfabApplication.class.getName(),
                "--server.port=" + port, "--spring.ai.openai.api-key=", "--spring.ai.google.genai.api-key=",
                "--spring.ai.google.genai.project-id=", "--logging.level.root=ERROR"));
        command.addAll(storage);
        Path log = Files.createTempFile("confab-crash", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api api = new Api(port);
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(log));
            }
            try {
                if (api.get("/health").status() == 200) {
                    return process;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(50); // polling for readiness, not timing anything
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not start within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
