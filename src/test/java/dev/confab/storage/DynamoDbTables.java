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
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;
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
 * The DynamoDB Local that local/services/dynamodb starts (CONFAB_DYNAMODB_ENDPOINT overrides), with
 * the tables exactly as the SAM template declares them: the table definitions live once, in
 * cloud/aws/template.yaml. Unreachable is a failure, never a skip.
 */
public final class DynamoDbTables {

    public static final String ENDPOINT = endpoint();
    static final String TEMPLATE = "cloud/aws/template.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DynamoDbTables() {
    }

    /** Creates the template's tables under a prefix of their own and returns the prefix. */
    public static String createFresh() {
        String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (DynamoDbClient db = localClient()) {
            requireReachable(db);
            for (CreateTableRequest table : fromTemplate(prefix)) {
                try {
                    db.describeTable(r -> r.tableName(table.tableName()));
                } catch (ResourceNotFoundException missing) {
                    db.createTable(table);
                    db.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
                }
            }
        }
        return prefix;
    }

    public static void drop(String prefix) {
        if (prefix == null) {
            return;
        }
        try (DynamoDbClient db = localClient()) {
            for (CreateTableRequest table : fromTemplate(prefix)) {
                try {
                    db.deleteTable(r -> r.tableName(table.tableName()));
                } catch (ResourceNotFoundException gone) {
                    // a test may have dropped it on purpose
                }
            }
        }
    }

    /** The dynamodb profile's settings for DynamoDB Local, which takes any credentials. */
    public static void register(DynamicPropertyRegistry registry, Supplier<Object> prefix) {
        // the application's client reads credentials through the SDK's default chain, which reads these
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
        registry.add("confab.dynamodb.endpoint", () -> ENDPOINT);
        registry.add("confab.dynamodb.region", () -> "us-east-1");
        registry.add("confab.dynamodb.table-prefix", prefix);
    }

    public static DynamoDbClient localClient() {
        return DynamoDbClient.builder().endpointOverride(URI.create(ENDPOINT)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    private static void requireReachable(DynamoDbClient db) {
        try {
            db.listTables(r -> r.limit(1));
        } catch (SdkClientException e) {
            throw new AssertionError("DynamoDB Local is not reachable at " + ENDPOINT + " (" + e.getMessage()
                    + "). Start it with local/services/dynamodb, or point CONFAB_DYNAMODB_ENDPOINT at one.", e);
        }
    }

    /** The template's AWS::DynamoDB::Table resources; !Sub reads as its plain text, ${TablePrefix} is resolved here. */
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

    private static String endpoint() {
        String configured = System.getProperty("CONFAB_DYNAMODB_ENDPOINT", System.getenv("CONFAB_DYNAMODB_ENDPOINT"));
        return configured == null || configured.isBlank() ? "http://127.0.0.1:8000" : configured;
    }
}
