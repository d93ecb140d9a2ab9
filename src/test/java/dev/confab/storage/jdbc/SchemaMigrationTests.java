package dev.confab.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.ConfabApplication;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway runs when the database needs it (new, pending, changed) and is not even built when the
 * database already holds every shipped migration; either way the application gets the same schema.
 */
class SchemaMigrationTests {

    @TempDir
    Path data;

    @Test
    void aNewDatabaseIsMigratedByFlywayAndACurrentOneNeedsNoFlyway() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBeanFactory().containsSingleton(LazyFlyway.FLYWAY)).isTrue();
            assertThat(personas(first)).isZero();
            assertThat(current(first)).isTrue();
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBeanFactory().containsSingleton(LazyFlyway.FLYWAY)).isFalse();
            assertThat(personas(second)).isZero();
        }
    }

    @Test
    void theChecksumIsTheOneFlywayRecorded() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            int recorded = JdbcClient.create(context.getBean(DataSource.class))
                    .sql("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")
                    .query(Integer.class).single();
            var file = new PathMatchingResourcePatternResolver()
                    .getResource("classpath:db/migration/common/V1__personas_and_conversations.sql");
            assertThat(MigrationHistory.checksum(file)).isEqualTo(recorded);
        }
    }

    /** As before: Flyway refuses a database whose applied migration differs from the shipped file. */
    @Test
    void aChangedMigrationStillStopsTheStartAsFlywayWould() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcClient.create(context.getBean(DataSource.class))
                    .sql("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'")
                    .update();
            assertThat(current(context)).isFalse();
        }
        assertThatThrownBy(this::start).hasRootCauseInstanceOf(FlywayValidateException.class);
    }

    @Test
    void aLocationWithOtherKindsOfMigrationsIsLeftToFlyway() {
        var resources = new PathMatchingResourcePatternResolver();
        assertThat(MigrationHistory.shipped(List.of("classpath:db/migration/common"), resources)).isPresent();
        assertThat(MigrationHistory.shipped(List.of("classpath:db/migration/{vendor}"), resources)).isEmpty();
        assertThat(MigrationHistory.shipped(List.of("filesystem:db"), resources)).isEmpty();
    }

    private static boolean current(ConfigurableApplicationContext context) {
        return MigrationHistory.current(context.getBean(DataSource.class), context.getEnvironment(),
                new PathMatchingResourcePatternResolver());
    }

    private static int personas(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(DataSource.class)).sql("SELECT count(*) FROM personas")
                .query(Integer.class).single();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConfabApplication.class).web(WebApplicationType.NONE)
                .properties("CONFAB_DATA_DIR=" + data, "spring.ai.openai.api-key=",
                        "spring.ai.google.genai.api-key=", "spring.ai.google.genai.project-id=")
                .run();
    }
}
