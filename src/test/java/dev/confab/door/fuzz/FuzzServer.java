package dev.confab.door.fuzz;

import dev.confab.ConfabApplication;
import dev.confab.door.DoorRuntime;
import dev.confab.storage.Postgres;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local HTTP door's runtime for the fuzzer: the application as {@code local/run} starts it, on a
 * random port, a fresh embedded database (or a PostgreSQL schema of its own) and the test limits.
 * jqwik properties cannot take part in Spring's test context, so each server is started here, once
 * for the test run.
 */
final class FuzzServer {

    private static ConfigurableApplicationContext server;
    private static ConfigurableApplicationContext onPostgres;

    private FuzzServer() {
    }

    static synchronized int port() {
        if (server == null) {
            server = start("http", Map.of());
        }
        return port(server);
    }

    /** The same on the postgres profile, in a schema of its own. */
    static synchronized int postgresPort() {
        if (onPostgres == null) {
            String schema = Postgres.newSchema();
            onPostgres = start("http-postgres", Map.of("spring.profiles.active", "postgres",
                    "spring.datasource.url", Postgres.url(schema), "spring.flyway.schemas", schema));
        }
        return port(onPostgres);
    }

    private static ConfigurableApplicationContext start(String name, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("server.port", "0");
        return DoorRuntime.start(name, all, () -> new SpringApplicationBuilder(ConfabApplication.class).run());
    }

    private static int port(ConfigurableApplicationContext application) {
        return application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
