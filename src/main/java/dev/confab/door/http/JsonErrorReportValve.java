package dev.confab.door.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.Catalog;
import dev.confab.door.Route;
import dev.confab.door.Surface;
import dev.confab.problem.ProblemKind;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (a header with a NUL, a
 * request line it cannot parse, an encoded slash), in the error envelope of the path's surface
 * instead of Tomcat's HTML page, so that every error from the HTTP door is JSON in the envelope the
 * caller expects. Tomcat creates it by class name, as the host's error report valve, so it reads
 * the catalog itself. Tomcat's own message is left out: it may quote the request.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The routes, read when the first refusal is reported: Tomcat builds the valve while it starts. */
    private static final class Routes {
        static final List<Route> ALL = Catalog.load().routes();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's valve: only errors, only once, only when nothing was written and I/O still works
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(envelope(status, request.getMethod(), request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile; nothing more to say
        }
    }

    /** What Tomcat's refusal of this request says, in the envelope of its path's surface. */
    static String envelope(int status, String method, String uri) throws JsonProcessingException {
        ProblemKind kind = ProblemKind.of(status).orElse(status < 500 ? ProblemKind.BAD_REQUEST : ProblemKind.INTERNAL);
        String message = status == 400 ? "the request is not valid HTTP" : kind.title();
        Surface surface = Catalog.surfaceOf(Routes.ALL, method, uri);
        return JSON.writeValueAsString(surface.envelope(status, kind.type(), kind.title(), kind.name().toLowerCase(),
                message, Map.of()));
    }
}
