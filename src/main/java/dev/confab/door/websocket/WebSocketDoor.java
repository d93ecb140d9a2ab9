package dev.confab.door.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.chat.ChatService;
import dev.confab.chat.ChatSettings;
import dev.confab.conversation.ConversationService;
import dev.confab.persona.PersonaService;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Seed 004's WebSocket chat on the server that serves the HTTP API (Tomcat, Spring MVC). It is not
 * in functions.yml: a connection carries many turns both ways, which is no function's
 * input-to-output shape, and the Lambda and Azure doors cannot hold one open. Only the servlet
 * server has it; the Lambda and Azure runtimes start without one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class WebSocketDoor implements WebSocketConfigurer, ServletContextAware, DisposableBean {

    static final String PATH = "/ws/chat/{brand_id}";

    private final WebSocketSettings settings;
    private final BrandChatHandler handler;
    private final UpgradeRequired upgradeRequired;

    WebSocketDoor(WebSocketSettings settings, ChatService chat, PersonaService personas,
            ConversationService conversations, ChatSettings chatSettings, ObjectMapper mapper) {
        this.settings = settings;
        this.handler = new BrandChatHandler(new BrandTurns(chat, personas, conversations, chatSettings), mapper,
                Math.toIntExact(settings.maxMessageBytes().toBytes()));
        this.upgradeRequired = new UpgradeRequired(mapper);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Spring's origin check answers the handshake of a page from another origin with 403
        registry.addHandler(handler, PATH)
                .addInterceptors(upgradeRequired)
                .setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Tomcat's own limits, so that it refuses an oversized message (1009) before buffering more of
     * it, and closes idle connections. Set here rather than with ServletServerContainerFactoryBean,
     * which fails a context that has no real server (a mock servlet environment).
     */
    @Override
    public void setServletContext(ServletContext context) {
        if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            int max = Math.toIntExact(settings.maxMessageBytes().toBytes());
            // Tomcat counts decoded characters; never more than the bytes, and the handler checks bytes
            container.setDefaultMaxTextMessageBufferSize(max);
            container.setDefaultMaxBinaryMessageBufferSize(max);
            container.setDefaultMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
        }
    }

    @Override
    public void destroy() {
        handler.stop();
    }
}
