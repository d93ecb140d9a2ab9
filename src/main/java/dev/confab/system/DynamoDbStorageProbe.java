package dev.confab.system;

import dev.confab.storage.dynamodb.DynamoDbSettings;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Component
@Profile("dynamodb")
class DynamoDbStorageProbe implements StorageProbe {

    private final DynamoDbClient db;
    private final String table;

    DynamoDbStorageProbe(DynamoDbClient db, DynamoDbSettings settings) {
        this.db = db;
        this.table = settings.table(DynamoDbSettings.CONVERSATIONS);
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    /** Reaching a table, not just the endpoint, also proves the credentials and the table prefix. */
    @Override
    public void ping() {
        db.describeTable(r -> r.tableName(table));
    }
}
