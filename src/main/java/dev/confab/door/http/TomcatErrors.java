package dev.confab.door.http;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, made to answer like the rest of the door: the requests it refuses
 * are reported in JSON ({@link JsonErrorReportValve}), and TRACE, which Tomcat would refuse with a
 * bare 405, goes on to Spring MVC (spring.mvc.dispatch-trace-request), where no handler takes it:
 * 405 or 404 in the envelope of its path. Nothing echoes a TRACE back. HTTP/0.9 requests are
 * refused ({@link Http09Refusal}).
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
        factory.addContextValves(new Http09Refusal());
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }
}
