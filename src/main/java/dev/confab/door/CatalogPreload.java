package dev.confab.door;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Parses functions.yml on a thread of its own from the moment Spring starts, while the main thread
 * prepares the environment (about 100 ms here): the doors then find the catalog parsed. Registered in
 * META-INF/spring.factories, so that it runs before there is a context.
 */
public final class CatalogPreload implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        Catalog.preload();
    }
}
