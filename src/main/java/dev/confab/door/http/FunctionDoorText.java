package dev.confab.door.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.ValidText;
import java.lang.reflect.Type;
import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Spring Cloud Function's door ({@code /{function}}) holds a JSON body to the rule the other doors
 * keep ({@link ValidText}): no unpaired surrogate and no NUL character in any value or field name,
 * else 400. That door reads the body as a string and converts it itself, past the catalog's checks;
 * a chat turn's text then reached the tokenizer, which asserts against unpaired surrogates, and on
 * PostgreSQL such text would be stored with a '?' in its place. A body that decoded as UTF-8 can
 * spell either only with a JSON escape ({@code \ud800}, {@code \u0000}), so only a body holding one
 * is parsed to look. A body that is not a JSON object or array is left as it is: a function that
 * takes a string gets the text as sent, escapes and all.
 */
@ControllerAdvice
class FunctionDoorText extends RequestBodyAdviceAdapter {

    private final ObjectMapper mapper;

    FunctionDoorText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getContainingClass() == FunctionController.class && targetType == String.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof String text && text.contains("\\u")) {
            JsonNode tree;
            try {
                tree = mapper.readTree(text);
            } catch (JsonProcessingException notJson) {
                return body; // Spring Cloud Function answers that as it does
            }
            if (tree != null && tree.isContainerNode()) {
                ValidText.require(tree);
            }
        }
        return body;
    }
}
