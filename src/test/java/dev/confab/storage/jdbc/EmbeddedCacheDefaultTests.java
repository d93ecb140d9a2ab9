package dev.confab.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The embedded database's page cache follows the heap unless CONFAB_H2_CACHE_KB says otherwise. */
class EmbeddedCacheDefaultTests {

    private static final long MB = 1024 * 1024;

    @Test
    void aSixtyFourthOfTheHeapBetweenOneAndSixteenMegabytes() {
        assertThat(EmbeddedCacheDefault.cacheKb(96 * MB)).isEqualTo(1536);
        assertThat(EmbeddedCacheDefault.cacheKb(32 * MB)).isEqualTo(1024);
        assertThat(EmbeddedCacheDefault.cacheKb(512 * MB)).isEqualTo(8192);
        assertThat(EmbeddedCacheDefault.cacheKb(8192 * MB)).isEqualTo(16384);
    }

    @Test
    void theShippedDatasourceUrlTakesTheDefaultUnlessTheVariableIsSet() throws IOException {
        StandardEnvironment small = shipped();
        new EmbeddedCacheDefault(() -> 96 * MB).postProcessEnvironment(small, null);
        assertThat(small.getProperty("spring.datasource.url")).contains(";CACHE_SIZE=1536");

        StandardEnvironment told = shipped();
        told.getPropertySources().addFirst(new MapPropertySource("variables", Map.of("CONFAB_H2_CACHE_KB", "4096")));
        new EmbeddedCacheDefault(() -> 96 * MB).postProcessEnvironment(told, null);
        assertThat(told.getProperty("spring.datasource.url")).contains(";CACHE_SIZE=4096");
    }

    @Test
    void springBootRunsItOnEveryStart() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
                .contains(EmbeddedCacheDefault.class.getName());
    }

    /** application.yml's default document, as the only configuration. */
    private static StandardEnvironment shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0));
        return environment;
    }
}
