package dev.confab.door;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** functions.yml, read once: parsing it (YAML) is a noticeable part of startup, and every door and /info need it. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }
}
