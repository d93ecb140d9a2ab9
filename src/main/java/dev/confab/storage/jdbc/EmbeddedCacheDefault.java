package dev.confab.storage.jdbc;

import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded database's page cache sized to the heap, when CONFAB_H2_CACHE_KB does not say:
 * a 64th of the maximum heap, at least 1 MB and at most H2's own default of 16 MB. Every page a
 * commit writes goes into that cache; in a small heap 16 MB of them outlive young collections, which
 * then copy and promote them until a full collection stops every request (README, "Memory"). With
 * -Xmx96m that is 1.5 MB; from a 1 GB heap on, H2's 16 MB. Registered in META-INF/spring.factories;
 * the datasource URL reads it as {@code confab.h2.default-cache-kb}, the lowest of all sources.
 */
public final class EmbeddedCacheDefault implements EnvironmentPostProcessor {

    static final String PROPERTY = "confab.h2.default-cache-kb";

    private final LongSupplier maxHeap;

    public EmbeddedCacheDefault() {
        this(Runtime.getRuntime()::maxMemory);
    }

    EmbeddedCacheDefault(LongSupplier maxHeap) {
        this.maxHeap = maxHeap;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("embeddedCacheDefault",
                Map.of(PROPERTY, cacheKb(maxHeap.getAsLong()))));
    }

    /** The cache in KB for a heap of at most this many bytes. */
    static long cacheKb(long maxHeapBytes) {
        return Math.clamp(maxHeapBytes / 64 / 1024, 1024, 16384);
    }
}
