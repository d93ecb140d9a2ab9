package dev.confab.storage.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.confab.ConfabApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The dynamodb profile's client is built, and has made its first call, while the application starts:
 * no request needed. Two stub DynamoDB endpoints on loopback (WireMock, DynamoDB's JSON protocol)
 * record what reaches them.
 */
class DynamoDbWarmUpTests {

    private static final String DESCRIBE_TABLE = "DynamoDB_20120810.DescribeTable";

    private final WireMockServer first = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final WireMockServer second = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private ConfigurableApplicationContext application;

    @BeforeAll
    static void credentials() {
        // the application's client reads credentials through the SDK's default chain, which reads these
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
    }

    @BeforeEach
    void stubs() {
        for (WireMockServer dynamoDb : new WireMockServer[] {first, second}) {
            dynamoDb.start();
            dynamoDb.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_TABLE))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                            .withBody("{\"Table\": {\"TableName\": \"warm-conversations\", \"TableStatus\": \"ACTIVE\"}}")));
        }
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        first.stop();
        second.stop();
    }

    @Test
    void theClientHasMadeItsFirstCallBeforeAnyRequest() {
        application = start(new SpringApplicationBuilder(ConfabApplication.class), first);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> first.verify(1, describeConversations()));
        application.getBean(DynamoDbClient.class).describeTable(r -> r.tableName("warm-conversations"));
        first.verify(2, describeConversations());
    }

    /**
     * Settings that change once the environment is ready (as a test's dynamic properties do) get a
     * client of their own, and the one built before for the earlier settings never calls their endpoint.
     */
    @Test
    void settingsChangedBeforeTheContextIsReadyAreTheOnesCalled() {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ConfabApplication.class)
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                        "late", Map.of("confab.dynamodb.endpoint", second.baseUrl()))));
        application = start(builder, first);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> second.verify(1, describeConversations()));
        application.getBean(DynamoDbClient.class).describeTable(r -> r.tableName("warm-conversations"));
        second.verify(2, describeConversations());
        assertThat(first.getAllServeEvents()).isEmpty();
    }

    @Test
    void turnedOffTheFirstCallWaitsForTheApplication() {
        application = start(new SpringApplicationBuilder(ConfabApplication.class), first, "--confab.dynamodb.warm-up=false");

        assertThat(application.getBeanProvider(DynamoDbWarmUp.EarlyClient.class).getIfAvailable()).isNull();
        application.getBean(DynamoDbClient.class).describeTable(r -> r.tableName("warm-conversations"));
        first.verify(1, describeConversations());
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, WireMockServer endpoint,
            String... more) {
        List<String> args = new ArrayList<>(List.of("--confab.dynamodb.endpoint=" + endpoint.baseUrl(),
                "--confab.dynamodb.region=us-east-1", "--confab.dynamodb.table-prefix=warm-"));
        args.addAll(List.of(more));
        return builder.web(WebApplicationType.NONE).profiles("dynamodb").run(args.toArray(String[]::new));
    }

    private static RequestPatternBuilder describeConversations() {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_TABLE))
                .withRequestBody(equalTo("{\"TableName\":\"warm-conversations\"}"));
    }
}
