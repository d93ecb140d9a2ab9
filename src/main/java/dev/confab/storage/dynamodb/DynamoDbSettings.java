package dev.confab.storage.dynamodb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the dynamodb profile keeps its tables.
 *
 * @param endpoint    a DynamoDB endpoint such as DynamoDB Local's; empty for the AWS default of the region
 * @param region      the AWS region
 * @param tablePrefix put before every table name, as the SAM template's TablePrefix parameter does
 */
@ConfigurationProperties("confab.dynamodb")
public record DynamoDbSettings(
        String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("confab-") String tablePrefix) {

    public static final String PERSONAS = "personas";
    public static final String CONVERSATIONS = "conversations";
    public static final String MESSAGES = "messages";
    public static final String UNIQUES = "uniques";

    public DynamoDbSettings {
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
        tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    public String table(String name) {
        return tablePrefix + name;
    }
}
