package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on the embedded default: an H2 database file, here with the small page
 * cache that README's "Memory" recommends (CONFAB_H2_CACHE_KB), so the contract holds with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedStorageTests extends StorageContract {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        String folder = Files.createTempDirectory("confab-storage").toString();
        registry.add("CONFAB_DATA_DIR", () -> folder);
        registry.add("CONFAB_H2_CACHE_KB", () -> "1024");
    }

    @Test
    void thePageCacheIsAsLargeAsConfigured() {
        String kb = jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE UPPER(SETTING_NAME) = 'CACHE_SIZE'")
                .query(String.class).single();
        assertThat(kb).isEqualTo("1024");
    }
}
