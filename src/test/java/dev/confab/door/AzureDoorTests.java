package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.Api;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The same API contract through the Azure Functions door. */
class AzureDoorTests {

    @Nested
    class Core extends CoreContract {
        @Override
        protected Api.Transport door() {
            return AzureHostTransport.create();
        }
    }

    @Nested
    class Broadcust extends BroadcustContract {
        @Override
        protected Api.Transport door() {
            return AzureHostTransport.create();
        }
    }

    @Nested
    class AiMaker extends AiMakerContract {
        @Override
        protected Api.Transport door() {
            return AzureHostTransport.create();
        }
    }

    @Nested
    class Yral extends YralContract {
        @Override
        protected Api.Transport door() {
            return AzureHostTransport.create();
        }
    }

    @Test
    void oneTriggerServesTheRootAndTheHostNamesAnExistingStartClass() throws Exception {
        List<Method> triggers = Arrays.stream(dev.confab.door.azure.AzureDoor.class.getMethods())
                .filter(m -> m.isAnnotationPresent(com.microsoft.azure.functions.annotation.FunctionName.class))
                .toList();
        assertThat(triggers).hasSize(1);

        JsonNode host = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("cloud/azure/host.json").toFile());
        assertThat(host.path("extensions").path("http").path("routePrefix").asText("missing")).isEmpty();
        JsonNode settings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("cloud/azure/local.settings.json").toFile());
        assertThat(Class.forName(settings.path("Values").path("MAIN_CLASS").asText())).isNotNull();
    }
}
