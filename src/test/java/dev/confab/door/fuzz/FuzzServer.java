package dev.confab.door.fuzz;

import dev.confab.ConfabApplication;
import dev.confab.door.DoorRuntime;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local HTTP door's runtime for the fuzzer: the application as {@code local/run} starts it, on a
 * random port, a fresh embedded database and the test limits. jqwik properties cannot take part in
 * Spring's test context, so the server is started here, once for the test run.
 */
final class FuzzServer {

    private static ConfigurableApplicationContext server;

    private FuzzServer() {
    }

    static synchronized int port() {
        if (server == null) {
            server = DoorRuntime.start("http", Map.of("server.port", "0"),
                    () -> new SpringApplicationBuilder(ConfabApplication.class).run());
        }
        return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
