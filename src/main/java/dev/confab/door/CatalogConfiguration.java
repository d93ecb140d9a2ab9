package dev.confab.door;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * functions.yml, read once: parsing the YAML is a noticeable part of startup, and the dispatcher and
 * /info both need it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }
}
