package dev.confab.door.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Refuses HTTP/0.9: a request line without a protocol, which Tomcat takes as an HTTP/0.9 GET and
 * answers with the body alone, no status line and no headers. No client of this API speaks it (curl
 * and browsers refuse such answers); what sends it is a target broken by a CR LF, an injection
 * attempt, and it got the record it named. It gets 400 instead, reported by
 * {@link JsonErrorReportValve} in the envelope of its path; the answer is still HTTP/0.9 (Tomcat
 * writes no status line for it), so the envelope's body is all the client sees.
 */
final class Http09Refusal extends ValveBase {

    Http09Refusal() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String protocol = request.getProtocol();
        if (protocol == null || protocol.isEmpty() || protocol.equals("HTTP/0.9")) { // Tomcat leaves it empty
            response.sendError(400);
            return;
        }
        getNext().invoke(request, response);
    }
}
