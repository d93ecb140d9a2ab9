package dev.confab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps everything across a stop and a start, with nothing installed. */
class EmbeddedDurabilityTests {

    @TempDir
    Path data;

    @Test
    void personasConversationsAndMessagesSurviveARestart() {
        String persona;
        String conversation;
        String reply;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            persona = api.post("/personas", "{\"name\": \"keeper\", \"system_prompt\": \"Remember.\"}").text("id");
            Api.Reply chat = api.post("/chat", "{\"input\": \"remember me\", \"user_id\": \"u1\", \"persona\": \"keeper\"}");
            conversation = chat.text("conversation_id");
            reply = chat.text("output_text");
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            assertThat(api.get("/personas/" + persona).text("system_prompt")).isEqualTo("Remember.");
            Api.Reply c = api.get("/conversations/" + conversation);
            assertThat(c.text("persona_id")).isEqualTo(persona);
            assertThat(c.json().path("message_count").asInt()).isEqualTo(2);
            Api.Reply messages = api.get("/conversations/" + conversation + "/messages");
            assertThat(messages.json().findValuesAsText("content")).containsExactly("remember me", reply);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConfabApplication.class)
                .properties("server.port=0", "CONFAB_DATA_DIR=" + data, "spring.ai.openai.api-key=",
                        "spring.ai.google.genai.api-key=", "spring.ai.google.genai.project-id=")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
