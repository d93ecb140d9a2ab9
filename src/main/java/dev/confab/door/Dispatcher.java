package dev.confab.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.problem.StorageFailures;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.dao.DataAccessException;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;

/**
 * Routes a call by functions.yml to its function: builds the function's input from body, query,
 * path and headers, invokes it, and turns the result or the failure into an outcome. Every door
 * (local HTTP, Lambda, Azure) goes through here, so they answer alike.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final List<Route> routes;
    private final FunctionCatalog functions;
    private final ObjectMapper mapper;
    private final FunctionInput inputs;
    private final long maxBody;
    private final Map<String, FunctionInvocationWrapper> invokers = new ConcurrentHashMap<>();

    Dispatcher(Catalog catalog, FunctionCatalog functions, ObjectMapper mapper, DoorSettings settings) {
        this.routes = catalog.routes().stream()
                .sorted(Comparator.comparing(Route::path, PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
        this.functions = functions;
        this.mapper = mapper;
        this.maxBody = settings.maxBody().toBytes();
        this.inputs = new FunctionInput(mapper, maxBody);
    }

    /**
     * Whether some route of the catalog serves this path, whatever the method. A path that cannot be
     * decoded is served too: the dispatcher refuses it in the core envelope, as on every door.
     */
    public boolean serves(String path) {
        return Route.parse(path).map(p -> routes.stream().anyMatch(r -> r.match(p) != null)).orElse(true);
    }

    public long maxBody() {
        return maxBody;
    }

    /** Dispatches among all routes, answering streamed requests as server-sent events. */
    public Outcome dispatch(Call call) {
        return dispatch(call, route -> true, true);
    }

    /**
     * Dispatches among the routes {@code served} accepts only, as a door deployed for one function
     * does; every other path is not found. A door that cannot stream answers a streamed request
     * with the whole reply.
     */
    public Outcome dispatch(Call call, Predicate<Route> served, boolean canStream) {
        Optional<PathContainer> path = Route.parse(call.path());
        if (path.isEmpty()) {
            return failure(Surface.CORE, Problem.badRequest("malformed_path",
                    "the path is not validly percent-encoded: " + call.path()));
        }
        List<Route> onPath = routes.stream().filter(served).filter(r -> r.match(path.get()) != null).toList();
        if (onPath.isEmpty()) {
            return failure(Surface.CORE, new Problem(ProblemKind.NOT_FOUND, "route_not_found",
                    "no route for " + call.method() + " " + call.path()));
        }
        Optional<Route> route = onPath.stream().filter(r -> r.method().equalsIgnoreCase(call.method())).findFirst();
        if (route.isEmpty()) {
            String allowed = onPath.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
            Outcome refused = failure(onPath.get(0).surface(), new Problem(ProblemKind.METHOD_NOT_ALLOWED,
                    "method_not_allowed", call.method() + " is not allowed on " + call.path() + "; use " + allowed));
            return new Outcome(refused.status(), Map.of("Content-Type", "application/json", "Allow", allowed),
                    refused.body());
        }
        return invoke(route.get(), route.get().match(path.get()), call, canStream);
    }

    /** A problem with a request that names no route (not an HTTP request at all), in the core envelope. */
    public Outcome refuse(Problem problem) {
        return failure(Surface.CORE, problem);
    }

    /** A problem found before dispatch (by a door), answered in the envelope of the route's surface. */
    public Outcome refuse(String method, String path, Problem problem) {
        return failure(Catalog.surfaceOf(routes, method, path), problem);
    }

    private Outcome invoke(Route route, Map<String, String> variables, Call call, boolean canStream) {
        try {
            ObjectNode fields = inputs.fields(route, variables, call);
            boolean streaming = canStream && route.stream() != null && fields.path("stream").asBoolean(false);
            FunctionInvocationWrapper function = invokers.computeIfAbsent(
                    streaming ? route.stream() : route.definition(), this::lookup);
            Object result = function.isSupplier() ? function.get() : function.apply(inputs.of(fields, function));
            if (streaming) {
                return ServerSentEvents.of((Flux<?>) result, mapper,
                        failure -> failure(route.surface(), problemOf(failure, route)));
            }
            if (route.status() == 204 || result == null) {
                return new Outcome(route.status() == 200 ? 204 : route.status(), Map.of(), new byte[0]);
            }
            return new Outcome(route.status(), JSON, mapper.writeValueAsBytes(result));
        } catch (RuntimeException | JsonProcessingException failure) {
            return failure(route.surface(), problemOf(failure, route));
        }
    }

    private FunctionInvocationWrapper lookup(String definition) {
        FunctionInvocationWrapper function = functions.lookup(definition);
        if (function == null) {
            throw new IllegalStateException("functions.yml names '" + definition + "', which is not a function bean");
        }
        return function;
    }

    private static Problem problemOf(Throwable failure, Route route) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Problem problem) {
                return problem;
            }
            if (t instanceof DataAccessException storage) {
                return StorageFailures.problemOf(storage, route.method() + " " + route.path());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        log.error("{} {} failed", route.method(), route.path(), failure);
        return new Problem(ProblemKind.INTERNAL, "internal_error", "the server failed to handle this request",
                Map.of(), failure);
    }

    private Outcome failure(Surface surface, Problem problem) {
        ProblemKind kind = problem.kind();
        if (kind.status() >= 500 && problem.getCause() != null && kind != ProblemKind.INTERNAL) {
            log.warn("{}: {}", problem.code(), problem.getMessage());
        }
        try {
            return new Outcome(kind.status(), JSON, mapper.writeValueAsBytes(surface.envelope(kind.status(),
                    kind.type(), kind.title(), problem.code(), problem.getMessage(), problem.details())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error envelope", e);
        }
    }
}
