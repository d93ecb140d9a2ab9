package dev.confab.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;

/** The options a turn asks for reach OpenAI's wire as the model's own merge would send them. */
class DirectOpenAiChatModelTests {

    static final WireMockServer STUB = new WireMockServer(wireMockConfig().dynamicPort());
    static final String ANSWER = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4.1",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}}""";
    static final String STREAM = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4.1\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}\n\n"
            + "data: [DONE]\n\n";

    DirectOpenAiChatModel model;

    @BeforeAll
    static void start() {
        STUB.start();
    }

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    @BeforeEach
    void model() {
        STUB.resetAll();
        OpenAiApi api = OpenAiApi.builder().baseUrl(STUB.baseUrl()).apiKey("test").build();
        model = new DirectOpenAiChatModel(OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").streamUsage(true).build()).build());
    }

    @Test
    void aWholeCallSendsEveryPortableOptionAndNoStreamOptions() throws Exception {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));

        ChatResponse response = model.call(new Prompt(List.of(new UserMessage("Hello")), ChatOptions.builder()
                .model("gpt-4.1").temperature(0.3).topP(0.9).maxTokens(256).stopSequences(List.of("END"))
                .frequencyPenalty(0.5).presencePenalty(0.25).build()));

        assertThat(response.getResult().getOutput().getText()).isEqualTo("Hi!");
        assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(5);
        JsonNode sent = sent();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(sent.path("stop").get(0).asText()).isEqualTo("END");
        assertThat(sent.path("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(0.25);
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo("Hello");
        assertThat(sent.has("stream_options")).isFalse();
        assertThat(sent.path("stream").asBoolean()).isFalse();
    }

    @Test
    void withoutOptionsTheDefaultModelAnswers() throws Exception {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));

        model.call(new Prompt(List.of(new UserMessage("Hello"))));

        assertThat(sent().path("model").asText()).isEqualTo("gpt-4o");
        assertThat(sent().has("temperature")).isFalse();
    }

    @Test
    void aStreamAsksForUsage() throws Exception {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));

        List<ChatResponse> chunks = model.stream(new Prompt(List.of(new UserMessage("Hello")),
                ChatOptions.builder().model("gpt-4.1").temperature(0.7).build())).collectList().block();

        assertThat(chunks).extracting(c -> c.getResult() == null ? "" : c.getResult().getOutput().getText())
                .contains("Hi");
        JsonNode sent = sent();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void openAisOwnOptionsGoThroughTheModelsMerge() throws Exception {
        STUB.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));

        model.call(new Prompt(List.of(new UserMessage("Hello")),
                OpenAiChatOptions.builder().model("gpt-4.1").seed(42).user("u-7").build()));

        JsonNode sent = sent();
        assertThat(sent.path("seed").asInt()).isEqualTo(42);
        assertThat(sent.path("user").asText()).isEqualTo("u-7");
    }

    private static JsonNode sent() throws Exception {
        return new ObjectMapper().readTree(STUB.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0)
                .getBodyAsString());
    }
}
