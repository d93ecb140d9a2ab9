package dev.confab.storage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on PostgreSQL (the postgres profile, Flyway migrations, HikariCP). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("postgres")
class PostgresStorageTests extends StorageContract {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
