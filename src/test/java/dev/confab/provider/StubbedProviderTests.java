package dev.confab.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.confab.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Confab with OpenAI and Gemini keys, both pointed at a WireMock server on loopback that speaks
 * their wire formats. The real Spring AI clients do the talking. One attempt, no fallback: each
 * provider is seen on its own (ProviderFaultTests turns retries and fallbacks on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"confab.providers.max-attempts=1", "confab.providers.timeout=5s",
        "confab.providers.fallback="})
abstract class StubbedProviderTests {

    static final WireMockServer STUB = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        STUB.start();
        Runtime.getRuntime().addShutdownHook(new Thread(STUB::stop));
    }

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws IOException {
        registry.add("CONFAB_DATA_DIR", () -> temporaryFolder());
        registry.add("spring.ai.openai.api-key", () -> "sk-test");
        registry.add("spring.ai.openai.base-url", STUB::baseUrl);
        registry.add("spring.ai.google.genai.api-key", () -> "gemini-test");
        registry.add("spring.ai.google.genai.base-url", STUB::baseUrl);
    }

    @BeforeEach
    void reset() {
        STUB.resetAll();
        api = new Api(port);
    }

    static List<JsonNode> sentBodies(String urlRegex) {
        return STUB.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(urlRegex)))
                .stream().map(StubbedProviderTests::body).toList();
    }

    static List<LoggedRequest> sent(String urlRegex) {
        return STUB.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(urlRegex)));
    }

    List<JsonNode> sse(String body) throws Exception {
        return sse(port, body);
    }

    /** POSTs a streamed chat turn and reads its server-sent events, [DONE] left out. */
    static List<JsonNode> sse(int port, String body) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(request(port, body), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]"))
                .map(l -> {
                    try {
                        return JSON.readTree(l.substring(6));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    HttpRequest request(String body) {
        return request(port, body);
    }

    static HttpRequest request(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String temporaryFolder() {
        try {
            return Files.createTempDirectory("confab-stub").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
