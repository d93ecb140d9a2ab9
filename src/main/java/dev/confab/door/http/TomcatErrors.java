package dev.confab.door.http;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, made to answer like the rest of the door: the requests it refuses
 * are reported in JSON ({@link JsonErrorReportValve}), and TRACE, which Tomcat would refuse with a
 * bare 405, goes on to Spring MVC (spring.mvc.dispatch-trace-request), where no handler takes it:
 * 405 or 404 in the envelope of its path. Nothing echoes a TRACE back. HTTP/0.9 requests are
 * refused ({@link Http09Refusal}); {@code OPTIONS *} that Tomcat refused gets the envelope too
 * ({@link ServerWideOptions}).
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
        factory.addConnectorCustomizers(connector -> {
            connector.setAllowTrace(true);
            // the connector makes its adapter when it initializes; wrap it then, before any request
            connector.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                    ProtocolHandler protocol = connector.getProtocolHandler();
                    protocol.setAdapter(new ServerWideOptions(protocol.getAdapter()));
                }
            });
        });
    }
}
