package dev.confab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.common.Json;
import java.time.Clock;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Json json(ObjectMapper mapper) {
        return new Json(mapper);
    }

    /**
     * Spring Cloud Function's message converter, as its own auto-configuration makes it (a copy of the
     * application's ObjectMapper, lenient about empty beans and unknown properties) but without the
     * Joda-Time module it always adds: nothing here uses Joda types, and the ~100 Joda-Time classes that
     * module loads at startup are compiled for Java 5, so no JVM cache can hold them: they were the
     * only application classes a start with local/run-fast's cache still loaded and verified from jars.
     */
    @Bean
    JsonMapper jsonMapper(ObjectMapper mapper) {
        return new JacksonMapper(mapper.copy()
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }
}
