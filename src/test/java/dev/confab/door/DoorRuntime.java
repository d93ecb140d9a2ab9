package dev.confab.door;

import dev.confab.ConfabApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a door's own runtime (the Lambda handler, the Azure injector) the way its host does:
 * settings come as system properties, set only while the application starts so that no other
 * test's context sees them. Each runtime gets a fresh embedded database and the test limits.
 * The application started keeps them in its own environment ({@link Settings}): a lazily initialized
 * context (the Lambda's, as deployed) binds some of them only at its first request.
 */
public final class DoorRuntime {

    private DoorRuntime() {
    }

    public static <T> T start(String name, Map<String, String> extra, Supplier<T> starter) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "MAIN_CLASS", ConfabApplication.class.getName(),
                "CONFAB_DATA_DIR", temporaryFolder(name),
                "confab.http.max-body", "64KB",
                "spring.ai.openai.api-key", "",
                "spring.ai.google.genai.api-key", "",
                "spring.ai.google.genai.project-id", ""));
        settings.putAll(extra);
        settings.forEach(System::setProperty);
        Settings.STARTING.set(Map.copyOf(settings));
        try {
            return starter.get();
        } finally {
            Settings.STARTING.remove();
            List.copyOf(settings.keySet()).forEach(System::clearProperty);
        }
    }

    /**
     * Gives the application that {@link #start} is starting, on this thread, a copy of its settings
     * that outlives the system properties (registered in the tests' META-INF/spring.factories).
     */
    public static final class Settings implements EnvironmentPostProcessor {

        static final ThreadLocal<Map<String, String>> STARTING = new ThreadLocal<>();

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            Map<String, String> settings = STARTING.get();
            if (settings != null) {
                environment.getPropertySources().addFirst(new MapPropertySource("doorRuntime", Map.copyOf(settings)));
            }
        }
    }

    private static String temporaryFolder(String name) {
        try {
            return Files.createTempDirectory("confab-" + name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
