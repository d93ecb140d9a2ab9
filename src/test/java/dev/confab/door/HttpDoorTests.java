package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.Api.Reply;
import dev.confab.ServerTests;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The API contract through the local HTTP door, and what only that door has. */
class HttpDoorTests {

    @Nested
    class Core extends CoreContract {
    }

    @Nested
    class Broadcust extends BroadcustContract {
    }

    @Nested
    class AiMaker extends AiMakerContract {
    }

    @Nested
    class Yral extends YralContract {
    }

    @Nested
    class SpringCloudFunctionRoutes extends ServerTests {

        @Test
        void stillServeFunctionsByNameAndCompositions() {
            String name = "scf-" + UUID.randomUUID().toString().substring(0, 8);
            api.post("/personas", "{\"name\": \"%s\"}".formatted(name));
            Reply direct = api.post("/getPersona", "{\"id\": \"%s\"}".formatted(name));
            assertThat(direct.status()).isEqualTo(200);
            assertThat(direct.json().path("name").asText()).isEqualTo(name);

            Reply composed = api.post("/promptRequest,chat,promptReply", "{\"prompt\": \"composed hello\"}");
            assertThat(composed.status()).isEqualTo(200);
            assertThat(composed.json().path("response").asText()).contains("composed hello");
        }
    }
}
