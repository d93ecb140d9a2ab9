package dev.confab.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The DynamoDB tables exactly as the SAM template declares them, created in DynamoDB Local: the
 * table definitions live once, in cloud/aws/template.yaml.
 */
public final class DynamoDbTables {

    public static final String TEMPLATE = "cloud/aws/template.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DynamoDbTables() {
    }

    /** A client for DynamoDB Local, which takes any credentials. */
    public static DynamoDbClient localClient(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** Fails with a clear message when nothing answers at the endpoint, rather than in the first test. */
    public static void requireReachable(DynamoDbClient db, String endpoint) {
        try {
            db.listTables(r -> r.limit(1));
        } catch (SdkClientException e) {
            throw new AssertionError("DynamoDB Local is not reachable at " + endpoint + " (" + e.getMessage()
                    + "). Start it with local/services/dynamodb, or point CONFAB_DYNAMODB_ENDPOINT at one.", e);
        }
    }

    /** Creates every table of the template under {@code prefix} that is missing, and waits until each is active. */
    public static List<String> create(DynamoDbClient db, String prefix) {
        List<String> names = new ArrayList<>();
        for (CreateTableRequest table : fromTemplate(prefix)) {
            names.add(table.tableName());
            try {
                db.describeTable(r -> r.tableName(table.tableName()));
            } catch (ResourceNotFoundException missing) {
                db.createTable(table);
                db.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
            }
        }
        return names;
    }

    public static void drop(DynamoDbClient db, List<String> tables) {
        tables.forEach(name -> db.deleteTable(r -> r.tableName(name)));
    }

    /** The template's AWS::DynamoDB::Table resources; !Sub is read as its plain text, ${TablePrefix} resolved here. */
    static List<CreateTableRequest> fromTemplate(String prefix) {
        JsonNode template;
        try {
            template = YAML.readTree(Files.readString(Path.of(TEMPLATE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CreateTableRequest> tables = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::DynamoDB::Table")) {
                tables.add(table(resource.path("Properties"), prefix));
            }
        });
        if (tables.isEmpty()) {
            throw new IllegalStateException(TEMPLATE + " declares no AWS::DynamoDB::Table");
        }
        return tables;
    }

    private static CreateTableRequest table(JsonNode p, String prefix) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        p.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText())
                .build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        p.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(i.path("IndexName").asText()).keySchema(keys(i.path("KeySchema")))
                .projection(projection(i.path("Projection"))).build()));
        return CreateTableRequest.builder()
                .tableName(p.path("TableName").asText().replace("${TablePrefix}", prefix))
                .billingMode(BillingMode.fromValue(p.path("BillingMode").asText("PAY_PER_REQUEST")))
                .attributeDefinitions(attributes).keySchema(keys(p.path("KeySchema")))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                .build();
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return keys;
    }

    private static Projection projection(JsonNode p) {
        List<String> extra = new ArrayList<>();
        p.path("NonKeyAttributes").forEach(a -> extra.add(a.asText()));
        return Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"))
                .nonKeyAttributes(extra.isEmpty() ? null : extra).build();
    }
}
