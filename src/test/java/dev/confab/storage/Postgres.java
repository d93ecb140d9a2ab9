package dev.confab.storage;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that local/services/postgres starts (CONFAB_POSTGRES_URL overrides). Each test
 * context gets a schema of its own, made by Flyway. Unreachable is a failure, never a skip.
 */
public final class Postgres {

    public static final String URL = System.getenv().getOrDefault("CONFAB_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/confab");

    private Postgres() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String schema = newSchema();
        registry.add("spring.datasource.url", () -> url(schema));
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /** A schema name of its own, dropped when the test JVM ends. */
    public static String newSchema() {
        requireReachable();
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema)));
        return schema;
    }

    public static String url(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void drop(String schema) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // the database may already be gone at shutdown; a leftover schema harms nothing
        }
    }

    private static java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    private static void requireReachable() {
        try (var connection = connect()) {
            connection.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL
                    + ": start it with local/services/postgres (local/test does)", e);
        }
    }
}
