package dev.confab.storage.jdbc;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.core.Ordered;

/**
 * Flyway only when the database needs it. Spring Boot builds Flyway and runs migrate() on every start;
 * on a database that already holds every shipped migration, unchanged, migrate() only validates, and
 * building Flyway to validate took about a sixth of the fast start (local/bench). This replaces Boot's
 * migration bean by {@link SchemaMigration} under the same name, so every bean that waits for the schema
 * still waits for it, and makes Boot's Flyway beans lazy: built, from Boot's settings as ever, only when
 * the check finds work.
 *
 * <p>It does nothing where Boot's Flyway is off (the dynamodb profile). Under Spring AOT it runs at build
 * time, and the generated bean definitions keep what it did; at run time it then finds nothing to change.
 */
final class LazyFlyway implements BeanFactoryPostProcessor, Ordered {

    static final String INITIALIZER = "flywayInitializer";
    static final String FLYWAY = "flyway";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(INITIALIZER)) {
            return;
        }
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (buildsFlyway(beanFactory, definition)) {
                definition.setLazyInit(true);
            }
            // Boot makes every JDBC user wait for Flyway and for its migration bean; the migration bean,
            // which builds Flyway when it needs it, is enough
            String[] dependsOn = definition.getDependsOn();
            if (dependsOn != null && Arrays.asList(dependsOn).contains(FLYWAY)) {
                definition.setDependsOn(Arrays.stream(dependsOn).filter(d -> !d.equals(FLYWAY)).toArray(String[]::new));
            }
        }
        BeanDefinition boots = registry.getBeanDefinition(INITIALIZER);
        if (!SchemaMigration.class.getName().equals(boots.getBeanClassName())) {
            RootBeanDefinition ours = new RootBeanDefinition(SchemaMigration.class);
            ours.setDependsOn(boots.getDependsOn());
            registry.removeBeanDefinition(INITIALIZER);
            registry.registerBeanDefinition(INITIALIZER, ours);
        }
    }

    /** Boot's Flyway setup: its Flyway configuration class, what that declares, and Flyway's settings. */
    private static boolean buildsFlyway(ConfigurableListableBeanFactory beanFactory, BeanDefinition definition) {
        String factory = definition.getFactoryBeanName();
        if (factory != null && beanFactory.containsBeanDefinition(factory)) {
            return buildsFlyway(beanFactory, beanFactory.getBeanDefinition(factory));
        }
        String type = definition.getBeanClassName();
        return type != null && (type.startsWith(FlywayAutoConfiguration.FlywayConfiguration.class.getName())
                || type.equals(FlywayProperties.class.getName()));
    }

    /** After Boot's post-processor that makes JDBC users wait for the schema (order 0). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
