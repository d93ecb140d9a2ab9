package dev.confab.storage.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Limit/offset windows and counts over key and index queries; pages are read only as far as needed. */
public final class Queries {

    private static final int MAX_PAGE = 1000;

    private Queries() {
    }

    /**
     * Items {@code offset} to {@code offset + limit} of the query. DynamoDB has no offset, so the
     * first {@code offset} items are read and dropped, as a SQL OFFSET does inside the database.
     */
    public static List<Map<String, AttributeValue>> window(DynamoDbClient db, QueryRequest query, int limit, int offset) {
        QueryRequest sized = query.toBuilder().limit(Math.min(offset + limit, MAX_PAGE)).build();
        return db.queryPaginator(sized).items().stream().skip(offset).limit(limit).toList();
    }

    public static long count(DynamoDbClient db, QueryRequest query) {
        QueryRequest counting = query.toBuilder().select(Select.COUNT).build();
        return db.queryPaginator(counting).stream().mapToLong(QueryResponse::count).sum();
    }
}
