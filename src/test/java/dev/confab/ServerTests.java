package dev.confab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as users run it on the embedded default: a real server on a random port, an
 * H2 database file in a fresh folder, the offline provider. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTests {

    private static final Path DATA = temporaryFolder();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("CONFAB_DATA_DIR", DATA::toString);
        registry.add("confab.http.max-body", () -> "64KB");
        registry.add("spring.ai.openai.api-key", () -> "");
        registry.add("spring.ai.google.genai.api-key", () -> "");
        registry.add("spring.ai.google.genai.project-id", () -> "");
    }

    @BeforeEach
    void client() {
        api = new Api(door());
    }

    /** The door these tests go through: local HTTP, unless a door's tests say otherwise. */
    protected Api.Transport door() {
        return Api.http(port);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("confab-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
