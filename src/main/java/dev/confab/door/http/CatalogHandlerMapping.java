package dev.confab.door.http;

import dev.confab.door.Call;
import dev.confab.door.Dispatcher;
import dev.confab.door.Outcome;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The local HTTP door: every path that functions.yml routes goes to the dispatcher. It runs
 * before Spring Cloud Function's own mapping, which still serves {@code POST /{function}} and
 * compositions ({@code /a,b}) for paths the catalog does not claim. Only a servlet server has it: the
 * Lambda and Azure runtimes, which start without one, reach the dispatcher through their own doors.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CatalogHandlerMapping extends AbstractHandlerMapping {

    private static final Set<String> FUNCTION_DOOR_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final Dispatcher dispatcher;
    private final HttpRequestHandler handler = this::handle;

    CatalogHandlerMapping(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    /**
     * Catalog paths, and requests that Spring Cloud Function's door cannot take: it serves GET, POST,
     * PUT and DELETE and fails (500) on any other method, so those are answered here, as not found.
     * Error dispatches are left to the error controller.
     */
    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return null;
        }
        return dispatcher.serves(pathOf(request)) || !FUNCTION_DOOR_METHODS.contains(request.getMethod())
                ? handler : null;
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        byte[] body = readBody(request);
        Outcome outcome = body == null
                ? dispatcher.refuse(request.getMethod(), path, new Problem(ProblemKind.TOO_LARGE, "body_too_large",
                        "request body is larger than " + dispatcher.maxBody() + " bytes"))
                : dispatcher.dispatch(new Call(request.getMethod(), path, Call.parseQuery(request.getQueryString()),
                        headersOf(request), body));
        response.setStatus(outcome.status());
        outcome.headers().forEach(response::setHeader);
        if (outcome.streamed()) {
            stream(outcome, response);
        } else if (outcome.body().length > 0) {
            response.setContentLength(outcome.body().length);
            response.getOutputStream().write(outcome.body());
        }
    }

    /**
     * Writes each event as it comes and flushes it, so the client sees text as the provider sends
     * it. A client that went away fails the write; closing the events then cancels the provider call.
     */
    private static void stream(Outcome outcome, HttpServletResponse response) throws IOException {
        try (var events = outcome.events()) {
            var out = response.getOutputStream();
            for (var it = events.iterator(); it.hasNext(); ) {
                out.write(("data: " + it.next() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** The body, or null when it is larger than the limit (the rest is not read). */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long limit = dispatcher.maxBody();
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return body.length > limit ? null : body;
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static Map<String, String> headersOf(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }
}
