package dev.confab.door.fuzz;

import dev.confab.ConfabApplication;
import dev.confab.door.DoorRuntime;
import dev.confab.storage.Postgres;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local HTTP door's runtime for the fuzzer: the application as {@code local/run} starts it, on a
 * random port, a fresh embedded database (or a PostgreSQL schema of its own) and the test limits. jqwik properties cannot take part in
 * Spring's test context, so the server is started here, once for the test run.
 */
final class FuzzServer {

    private static ConfigurableApplicationContext server;
    private static ConfigurableApplicationContext onPostgres;

    private FuzzServer() {
    }

    static synchronized int port() {
        if (server == null) {
            server = DoorRuntime.start("http", Map.of("server.port", "0"),
                    () -> new SpringApplicationBuilder(ConfabApplication.class).run());
        }
        return port(server);
    }

    /** The same on the postgres profile, in a schema of its own. */
    static synchronized int postgresPort() {
        if (onPostgres == null) {
            String schema = Postgres.newSchema();
            onPostgres = DoorRuntime.start("http-postgres", Map.of("server.port", "0",
                    "spring.profiles.active", "postgres", "spring.datasource.url", Postgres.url(schema),
                    "spring.flyway.schemas", schema),
                    () -> new SpringApplicationBuilder(ConfabApplication.class).run());
        }
        return port(onPostgres);
    }

    private static int port(ConfigurableApplicationContext application) {
        return application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
