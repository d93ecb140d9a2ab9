package dev.confab.storage.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Whether a database already holds exactly the migrations Flyway would apply: every versioned SQL file
 * of the configured locations recorded in Flyway's history table as applied, with the same description
 * and checksum (computed as Flyway computes it), and nothing else recorded. Flyway's migrate() would then
 * find nothing to do and nothing to refuse. Whatever this does not understand (another kind of file or
 * setting, a history it cannot read) counts as not current, and Flyway runs as configured.
 */
final class MigrationHistory {

    /** Flyway's default naming of a versioned SQL migration: V1__name.sql, V1_2__name.sql, V1.2__name.sql. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d[\\d._]*)__(.+)\\.sql");
    private static final ConfigurationPropertyName FLYWAY = ConfigurationPropertyName.of("spring.flyway");
    /** The settings read here; any other spring.flyway setting may change what migrate() does. */
    private static final Set<String> UNDERSTOOD = Set.of("enabled", "locations", "schemas", "default-schema", "table");

    record Migration(String version, String description, int checksum) {
    }

    private MigrationHistory() {
    }

    static boolean current(DataSource dataSource, Environment environment, ResourcePatternResolver resources) {
        if (!onlyUnderstoodSettings(environment)) {
            return false;
        }
        Binder binder = Binder.get(environment);
        List<String> locations = binder.bind("spring.flyway.locations", Bindable.listOf(String.class))
                .orElse(List.of("classpath:db/migration"));
        String schema = binder.bind("spring.flyway.default-schema", String.class)
                .orElseGet(() -> binder.bind("spring.flyway.schemas", Bindable.listOf(String.class))
                        .map(schemas -> schemas.isEmpty() ? null : schemas.get(0)).orElse(null));
        String table = binder.bind("spring.flyway.table", String.class).orElse("flyway_schema_history");
        Optional<Set<Migration>> shipped = shipped(locations, resources);
        return shipped.isPresent() && shipped.equals(applied(dataSource, schema, table));
    }

    private static boolean onlyUnderstoodSettings(Environment environment) {
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource names)) {
                continue; // a source that cannot list its names (random values, say) holds no Flyway settings
            }
            boolean other = names.stream().filter(FLYWAY::isAncestorOf)
                    .anyMatch(name -> !UNDERSTOOD.contains(name.getElement(2, ConfigurationPropertyName.Form.DASHED)));
            if (other) {
                return false;
            }
        }
        return true;
    }

    /** The versioned SQL migrations of the locations, or empty when they hold anything else. */
    static Optional<Set<Migration>> shipped(List<String> locations, ResourcePatternResolver resources) {
        Set<Migration> migrations = new HashSet<>();
        try {
            for (String location : locations) {
                if (!location.startsWith("classpath:") || location.contains("{")) {
                    return Optional.empty(); // a file system location, or a {vendor} placeholder
                }
                String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
                for (Resource resource : resources.getResources("classpath*:" + folder + "/**/*")) {
                    String name = resource.getFilename();
                    if (name == null || name.isEmpty() || !resource.isReadable()) {
                        continue; // a folder
                    }
                    Matcher versioned = VERSIONED.matcher(name);
                    if (!versioned.matches()) {
                        return Optional.empty(); // a repeatable migration, a callback, a Java migration...
                    }
                    migrations.add(new Migration(versioned.group(1).replace('_', '.'),
                            versioned.group(2).replace('_', ' '), checksum(resource)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(migrations);
    }

    /** Flyway's checksum: CRC-32 of the file's lines, without line endings or a byte order mark. */
    static int checksum(Resource resource) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    /** The applied migrations Flyway recorded, or empty when its history is missing, unreadable or holds anything else. */
    static Optional<Set<Migration>> applied(DataSource dataSource, String schema, String table) {
        String name = (schema == null ? "" : quote(schema) + ".") + quote(table);
        Set<Migration> migrations = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"description\", \"type\", \"checksum\", \"success\" FROM " + name)) {
            while (rows.next()) {
                String type = rows.getString("type");
                if ("SCHEMA".equals(type) || "TABLE".equals(type)) {
                    continue; // Flyway's notes that it created the schema, or this table
                }
                int checksum = rows.getInt("checksum");
                boolean noChecksum = rows.wasNull();
                if (!"SQL".equals(type) || noChecksum || !rows.getBoolean("success")) {
                    return Optional.empty();
                }
                migrations.add(new Migration(rows.getString("version"), rows.getString("description"), checksum));
            }
        } catch (SQLException e) {
            return Optional.empty(); // no history yet: a new database
        }
        return Optional.of(migrations);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
