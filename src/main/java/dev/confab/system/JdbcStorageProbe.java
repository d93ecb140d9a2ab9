package dev.confab.system;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@Profile("!dynamodb")
class JdbcStorageProbe implements StorageProbe {

    private final JdbcClient jdbc;

    JdbcStorageProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public void ping() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }
}
