package dev.confab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.common.Json;
import java.time.Clock;
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
}
