package dev.confab.provider;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a Spring AI chat model for each provider that has credentials, plus the offline one.
 * Built here rather than by Spring AI's auto-configuration, which refuses to start without a key.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    /** Spring AI's clients make one attempt; ProviderCalls retries, with the provider's Retry-After. */
    private static final RetryTemplate ONE_ATTEMPT = RetryTemplate.builder().maxAttempts(1).build();

    @Bean
    TokenCountEstimator tokenCountEstimator() {
        return new WarmTokenCountEstimator();
    }

    @Bean
    ProviderGuards providerGuards(ProviderSettings settings) {
        return new ProviderGuards(settings);
    }

    @Bean
    ProviderCalls providerCalls(ProviderGuards guards, ProviderSettings settings) {
        return new ProviderCalls(guards, settings);
    }

    @Bean
    ChatModels chatModels(ProviderSettings settings, OpenAiSettings openAi, GoogleSettings google,
            TokenCountEstimator tokens) {
        Map<Provider, ChatModel> models = new EnumMap<>(Provider.class);
        List<AutoCloseable> connections = new ArrayList<>();
        models.put(Provider.OFFLINE, new OfflineChatModel(tokens));
        if (openAi.configured()) {
            models.put(Provider.OPENAI, openAi(openAi, settings, connections));
        }
        if (google.configured()) {
            models.put(Provider.GOOGLE, google(google, settings, connections));
        }
        return new ChatModels(models, settings, connections);
    }

    private static ChatModel openAi(OpenAiSettings openAi, ProviderSettings settings, List<AutoCloseable> connections) {
        // Spring AI's client, made so that OpenAiChatModel passes each streamed chunk on as it comes
        OpenAiApi api = new UnheldOpenAiApi(openAi.baseUrl(), openAi.apiKey(),
                RestClient.builder().requestFactory(wholeCalls(settings, connections)),
                WebClient.builder().clientConnector(new JdkClientHttpConnector(streams(openAi, settings, connections))));
        return new DirectOpenAiChatModel(OpenAiChatModel.builder()
                .openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").streamUsage(true).build())
                .retryTemplate(ONE_ATTEMPT)
                .build());
    }

    /**
     * Whole calls: Apache HttpClient on the calling thread, keep-alive connections from a pool as
     * large as the calls a server runs at once, and the provider timeout as connect and socket read
     * timeout. No retries of its own (ProviderGuards has the one policy). Closed with the application
     * (its pool's connections and idle-connection thread).
     */
    private static ClientHttpRequestFactory wholeCalls(ProviderSettings settings, List<AutoCloseable> connections) {
        Timeout timeout = Timeout.of(settings.timeout());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                        .setSocketTimeout(timeout).build())
                .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                .build();
        CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        connections.add(client);
        return new HttpComponentsClientHttpRequestFactory(client);
    }

    /**
     * Streams: the JDK client (Spring AI streams through WebClient), with an executor of its own:
     * without one it starts a platform thread per call. Plain-http endpoints (local servers,
     * stubs) get HTTP/1.1: the JDK client's h2c upgrade attempt is refused by many of them; https
     * negotiates HTTP/2 as usual. Closed with the application: a stream still open then is cut.
     */
    private static HttpClient streams(OpenAiSettings openAi, ProviderSettings settings, List<AutoCloseable> connections) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .executor(executor)
                .version(openAi.baseUrl().startsWith("http://") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
        connections.add(client::shutdownNow);
        connections.add(executor::shutdownNow);
        return client;
    }

    private static ChatModel google(GoogleSettings google, ProviderSettings settings, List<AutoCloseable> connections) {
        // One retry policy for every provider (ProviderGuards): the SDK makes one attempt.
        HttpOptions.Builder http = HttpOptions.builder().timeout((int) settings.timeout().toMillis())
                .retryOptions(HttpRetryOptions.builder().attempts(1).build());
        if (google.baseUrl() != null && !google.baseUrl().isBlank()) {
            http.baseUrl(google.baseUrl());
        }
        Client.Builder client = Client.builder().httpOptions(http.build());
        if (google.usesVertexAi()) {
            client.vertexAI(true).project(google.projectId())
                    .location(google.location() == null ? "us-central1" : google.location());
        } else {
            client.apiKey(google.apiKey());
        }
        Client genAi = client.build();
        connections.add(genAi);
        return GoogleGenAiChatModel.builder()
                .genAiClient(genAi)
                .defaultOptions(GoogleGenAiChatOptions.builder().model("gemini-2.5-flash").build())
                .retryTemplate(ONE_ATTEMPT)
                .build();
    }
}
