package dev.confab.door;

import dev.confab.ConfabApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts a door's own runtime (the Lambda handler, the Azure injector) the way its host does:
 * settings come as system properties, set only while the application starts so that no other
 * test's context sees them. Each runtime gets a fresh embedded database and the test limits.
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
        try {
            return starter.get();
        } finally {
            List.copyOf(settings.keySet()).forEach(System::clearProperty);
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
