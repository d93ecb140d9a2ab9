package dev.confab.storage.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Stands in for Spring Boot's Flyway migration bean (see {@link LazyFlyway}): migrates as Boot would,
 * through a {@link FlywayMigrationStrategy} if there is one, unless the database already holds
 * exactly the shipped migrations; then Flyway is not even built.
 */
final class SchemaMigration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;
    private final Environment environment;
    private final ResourcePatternResolver resources;
    private final ObjectProvider<Flyway> flyway;
    private final ObjectProvider<FlywayMigrationStrategy> strategy;

    SchemaMigration(DataSource dataSource, Environment environment, ResourceLoader resources,
            ObjectProvider<Flyway> flyway, ObjectProvider<FlywayMigrationStrategy> strategy) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resources);
        this.flyway = flyway;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (MigrationHistory.current(dataSource, environment, resources)) {
            log.debug("the schema holds every migration: Flyway is not needed");
            return;
        }
        Flyway migrations = flyway.getObject();
        FlywayMigrationStrategy custom = strategy.getIfAvailable();
        if (custom != null) {
            custom.migrate(migrations);
        } else {
            migrations.migrate();
        }
    }
}
