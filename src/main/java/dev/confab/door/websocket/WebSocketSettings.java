package dev.confab.door.websocket;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param allowedOrigins  origins (or patterns such as {@code https://*.example.com}) whose pages may
 *                        open a connection; {@code *} allows every origin, which suits local
 *                        development only. A client that sends no Origin (not a browser) is not checked.
 * @param maxMessageBytes the largest message a client may send; larger closes the connection with 1009
 * @param idleTimeout     a connection with nothing read or written for this long is closed (1001)
 */
@ConfigurationProperties("confab.websocket")
record WebSocketSettings(
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("64KB") DataSize maxMessageBytes,
        @DefaultValue("5m") Duration idleTimeout) {
}
