package dev.confab.door;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * functions.yml as a bean, for the dispatcher and /info: the catalog parsed once per JVM
 * ({@link Catalog#load()}).
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }
}
