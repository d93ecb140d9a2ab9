package dev.confab.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * A function's input from a call: the JSON body (an object, or nothing), then the query
 * parameters, the headers the route maps (only a header may say who the caller is), the path
 * variables and the route's fixed fields, read as the function's input type. What does not fit is
 * a 4xx problem naming the field.
 */
final class FunctionInput {

    private final ObjectMapper mapper;
    private final long maxBody;

    FunctionInput(ObjectMapper mapper, long maxBody) {
        this.mapper = mapper;
        this.maxBody = maxBody;
    }

    ObjectNode fields(Route route, Map<String, String> variables, Call call) {
        if (call.body().length > maxBody) {
            throw new Problem(ProblemKind.TOO_LARGE, "body_too_large",
                    "request body is larger than " + maxBody + " bytes");
        }
        ObjectNode fields = body(call);
        call.query().forEach((name, values) -> {
            if (values.size() == 1) {
                fields.put(name, values.get(0));
            } else {
                values.forEach(fields.putArray(name)::add);
            }
        });
        route.headers().forEach((header, field) -> {
            String value = call.header(header);
            fields.remove(field); // only the header may say who the caller is
            if (value != null) {
                fields.put(field, value);
            }
        });
        variables.forEach(fields::put);
        route.set().forEach((field, value) -> fields.set(field, mapper.valueToTree(value)));
        ValidText.require(fields);
        return fields;
    }

    Object of(ObjectNode fields, FunctionInvocationWrapper function) {
        JavaType type = mapper.constructType(function.getInputType());
        try {
            return mapper.treeToValue(fields, type);
        } catch (MismatchedInputException e) {
            throw Problem.invalid(fieldOf(e), "field '" + fieldOf(e) + "' has the wrong type or format");
        } catch (ValueInstantiationException e) {
            // an input record that checks itself says why in a problem
            if (e.getCause() instanceof Problem problem) {
                throw problem;
            }
            throw Problem.badRequest("invalid_body", "request body does not fit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("invalid_body", "request body does not fit: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid_body", "request body does not fit: " + e.getMessage());
        }
    }

    private ObjectNode body(Call call) {
        if (call.body().length == 0) {
            return mapper.createObjectNode();
        }
        String type = call.header("content-type");
        if (type != null && !type.toLowerCase().contains("json") && !type.toLowerCase().startsWith("text/plain")) {
            throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "send the body as application/json, not " + type);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(call.body());
        } catch (java.io.IOException e) {
            throw Problem.badRequest("malformed_json", "request body is not valid JSON");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            throw Problem.badRequest("invalid_body", "request body must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path.replace(".[", "[");
    }
}
