package dev.confab.door.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * {@code OPTIONS *}, the server-wide form, refused in the core envelope. Tomcat answers that form
 * itself, in its protocol adapter, before any valve or servlet runs: 200 with an Allow header, which
 * is fine; but when Tomcat has already refused the request (headers over its 8 KB), that answer kept
 * the 400 and had no body, as {@link JsonErrorReportValve} never ran. Now it gets that valve's
 * envelope. Wrapped around Tomcat's adapter (TomcatErrors); every other request goes to Tomcat's
 * adapter as before.
 */
final class ServerWideOptions implements Adapter {

    private final Adapter tomcat;

    ServerWideOptions(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (response.getStatus() >= 400 && request.method().equalsIgnoreCase("OPTIONS")
                && request.requestURI().equals("*")) {
            byte[] body = JsonErrorReportValve.envelope(response.getStatus(), "OPTIONS", "*")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.doWrite(ByteBuffer.wrap(body));
            return;
        }
        tomcat.service(request, response);
    }

    @Override
    public boolean prepare(Request request, Response response) throws Exception {
        return tomcat.prepare(request, response);
    }

    @Override
    public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(request, response, status);
    }

    @Override
    public void log(Request request, Response response, long time) {
        tomcat.log(request, response, time);
    }

    @Override
    public void checkRecycled(Request request, Response response) {
        tomcat.checkRecycled(request, response);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}
