package dev.confab.storage;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on the embedded default: an H2 database file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedStorageTests extends StorageContract {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        String folder = Files.createTempDirectory("confab-storage").toString();
        registry.add("CONFAB_DATA_DIR", () -> folder);
    }
}
