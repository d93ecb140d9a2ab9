package dev.confab.door.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.Refusal;
import dev.confab.problem.ProblemKind;
import java.io.IOException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * A request that Spring MVC's CORS check refuses (a malformed Origin header, or an origin a
 * handler does not allow) gets 403 in the core error envelope, as every other refused request
 * does, instead of the plain-text "Invalid CORS request". Every handler mapping gets this
 * processor: Spring Boot's static-resource mapping, which sees the paths no route takes, checks
 * CORS too. Only in a web application: the Lambda and Azure doors have no handler mappings.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CorsRefusals implements BeanPostProcessor {

    static final String CODE = "cors_rejected";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractHandlerMapping mapping) {
            mapping.setCorsProcessor(new EnvelopeCorsProcessor());
        }
        return bean;
    }

    static final class EnvelopeCorsProcessor extends DefaultCorsProcessor {

        /** Made on the first refusal, not at startup. */
        private static final class Json {
            static final ObjectMapper MAPPER = new ObjectMapper();
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            Refusal.write(response, Json.MAPPER, ProblemKind.FORBIDDEN, CODE,
                    "invalid CORS request: the Origin header is malformed or not allowed");
            response.flush();
        }
    }
}
