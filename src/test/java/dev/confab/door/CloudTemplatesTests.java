package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment templates name only handlers, classes and functions that exist. */
class CloudTemplatesTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Catalog catalog = Catalog.load();

    @Test
    void theSamTemplatesLambdasUseAnExistingHandlerMainClassAndFunction() throws Exception {
        JsonNode template = YAML.readTree(Files.readString(Path.of("cloud/aws/template.yaml")));
        JsonNode globals = template.path("Globals").path("Function");
        List<String> lambdas = new ArrayList<>();
        template.path("Resources").properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                lambdas.add(resource.getKey());
                JsonNode properties = resource.getValue().path("Properties");
                String handler = properties.path("Handler").asText(globals.path("Handler").asText());
                assertHandlerExists(handler);
                JsonNode env = globals.path("Environment").path("Variables");
                assertClassExists(env.path("MAIN_CLASS").asText());
                assertThat(catalog.functions()).containsKey(env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asText());
                String only = properties.path("Environment").path("Variables").path("CONFAB_LAMBDA_FUNCTION").asText(null);
                if (only != null) {
                    assertThat(catalog.routes()).as(resource.getKey()).anyMatch(r -> r.name().equals(only));
                }
            }
        });
        assertThat(lambdas).isNotEmpty();
        assertThat(globals.path("CodeUri").asText()).endsWith("-aws.zip");
        assertThat(Files.readString(Path.of("src/assembly/aws-lambda.xml"))).contains("<id>aws</id>");
    }

    /** Spring AOT fixes the profile when the package is built: the template must run the one it was built for. */
    @Test
    void theSamTemplateRunsSpringAotOnlyWithTheProfileTheLambdaPackageWasBuiltFor() throws Exception {
        JsonNode env = yaml("cloud/aws/template.yaml").path("Globals").path("Function").path("Environment")
                .path("Variables");
        if (!env.path("JAVA_TOOL_OPTIONS").asText().contains("-Dspring.aot.enabled=true")) {
            return;
        }
        String pom = Files.readString(Path.of("pom.xml"));
        int lambdaAot = pom.indexOf("<id>process-aot-lambda</id>");
        assertThat(lambdaAot).as("pom.xml's process-aot-lambda execution").isPositive();
        String execution = pom.substring(lambdaAot, pom.indexOf("</execution>", lambdaAot));
        assertThat(execution).contains("<profile>" + env.path("SPRING_PROFILES_ACTIVE").asText() + "</profile>")
                .contains("--spring.main.web-application-type=none")
                .contains("--spring.cloud.function.definition=" + env.path("SPRING_CLOUD_FUNCTION_DEFINITION").asText());
        assertThat(Files.readString(Path.of("src/assembly/aws-lambda.xml"))).contains("lambda-classes");
    }

    private static void assertHandlerExists(String handler) {
        String[] classAndMethod = handler.split("::");
        Class<?> type = assertClassExists(classAndMethod[0]);
        assertThat(type.getMethods()).anyMatch(m -> m.getName().equals(classAndMethod[1]));
    }

    private static Class<?> assertClassExists(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the template names " + name + ", which does not exist", e);
        }
    }

    static JsonNode yaml(String path) throws IOException {
        return YAML.readTree(Files.readString(Path.of(path)));
    }
}
