package dev.confab.storage.dynamodb;

import static dev.confab.storage.dynamodb.Attributes.names;
import static dev.confab.storage.dynamodb.Attributes.s;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Values that only one item may hold at a time (a persona's name, a user's one conversation with
 * a persona). DynamoDB has no unique index: each value is an item of its own in the uniques
 * table, claimed in the same transaction that writes its owner, so two writers cannot both win.
 * Reading the claim is also the strongly consistent way to find the owner by that value.
 */
@Component
@Profile("dynamodb")
public class Uniques {

    private static final String CLAIM_IF_FREE = "attribute_not_exists(#id)";
    private static final String RELEASE_IF_OWNED = "attribute_not_exists(#id) OR #owner_id = :owner";

    private final DynamoDbClient db;
    private final String table;

    Uniques(DynamoDbClient db, DynamoDbSettings settings) {
        this.db = db;
        this.table = settings.table(DynamoDbSettings.UNIQUES);
    }

    public TransactWriteItem claim(String key, String owner) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("id", s(key), "owner_id", s(owner)))
                .conditionExpression(CLAIM_IF_FREE).expressionAttributeNames(names(CLAIM_IF_FREE))
                .build()).build();
    }

    /** Gives the value up; fails only when someone else holds it. */
    public TransactWriteItem release(String key, String owner) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of("id", s(key)))
                .conditionExpression(RELEASE_IF_OWNED).expressionAttributeNames(names(RELEASE_IF_OWNED))
                .expressionAttributeValues(Map.of(":owner", s(owner)))
                .build()).build();
    }

    public Optional<String> owner(String key) {
        var item = db.getItem(r -> r.tableName(table).key(Map.of("id", s(key))).consistentRead(true)).item();
        return Optional.ofNullable(Attributes.text(item, "owner_id"));
    }
}
