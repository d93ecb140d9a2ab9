package dev.confab.door.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.ConfabApplication;
import dev.confab.door.Call;
import dev.confab.door.Dispatcher;
import dev.confab.door.lambda.SnapStartPriming.Primed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SnapStart hook, called as Lambda's runtime calls it before the snapshot, on the application as
 * the Lambda handler starts it (no web server): it answers through the Lambda door and leaves nothing
 * in storage. Real SnapStart cannot run here; the hook is all it adds.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnapStartPrimingTests {

    @TempDir
    Path data;

    @Test
    void beforeTheSnapshotAHealthCheckAndAChatTurnAreAnsweredAndTheConversationIsGone(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext lambda = start()) {
            SnapStartPriming priming = lambda.getBean(SnapStartPriming.class);

            priming.beforeCheckpoint(null);

            assertThat(output).contains("SnapStart priming answered [Primed[method=GET, path=/health, status=200], "
                    + "Primed[method=POST, path=/chat, status=200], Primed[method=DELETE, path=/conversations/");
            var primed = priming.prime();
            assertThat(primed).extracting(Primed::method).containsExactly("GET", "POST", "DELETE");
            assertThat(primed).extracting(Primed::status).containsExactly(200, 200, 200);
            var left = lambda.getBean(Dispatcher.class).dispatch(new Call("GET", "/conversations",
                    Map.of("user_id", java.util.List.of(SnapStartPriming.USER)), Map.of(), new byte[0]));
            assertThat(new ObjectMapper().readTree(left.body()).path("data")).isEmpty();
        }
    }

    @Test
    void theLocalServerHasNoPriming() {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ConfabApplication.class)
                .properties(properties("server.port=0")).run()) {
            assertThat(server.getBeansOfType(SnapStartPriming.class)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConfabApplication.class).web(WebApplicationType.NONE)
                .properties(properties("spring.cloud.function.definition=" + AwsLambda.DOOR)).run();
    }

    private String[] properties(String extra) {
        return new String[] {extra, "CONFAB_DATA_DIR=" + data, "spring.ai.openai.api-key=",
                "spring.ai.google.genai.api-key=", "spring.ai.google.genai.project-id="};
    }
}
