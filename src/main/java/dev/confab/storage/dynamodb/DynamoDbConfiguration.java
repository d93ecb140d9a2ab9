package dev.confab.storage.dynamodb;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** One DynamoDB client for the profile; credentials come from the SDK's default chain. */
@Configuration(proxyBeanMethods = false)
@Profile("dynamodb")
class DynamoDbConfiguration {

    /** The client DynamoDbWarmUp built while the application started, or, failing that, a new one. */
    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDb(DynamoDbSettings settings, ObjectProvider<DynamoDbWarmUp.EarlyClient> warmUp) {
        DynamoDbWarmUp.EarlyClient early = warmUp.getIfAvailable();
        DynamoDbClient client = early == null ? null : early.claim(settings);
        return client != null ? client : build(settings);
    }

    static DynamoDbClient build(DynamoDbSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(settings.region()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }
}
