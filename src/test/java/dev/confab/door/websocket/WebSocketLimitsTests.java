package dev.confab.door.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.ServerTests;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The WebSocket door as configured for production: allowed origins enforced, a short idle timeout. */
@TestPropertySource(properties = {
        "confab.websocket.allowed-origins=https://shop.example,https://*.brands.example",
        "confab.websocket.idle-timeout=1s"})
class WebSocketLimitsTests extends ServerTests {

    @Test
    void aPageFromAnotherOriginIsRefusedAtTheHandshake() {
        String brand = brand();
        assertThatThrownBy(() -> SocketClient.connect(port, brand, "https://evil.example"))
                .satisfies(thrown -> assertThat(handshakeStatus(thrown)).isEqualTo(403));
    }

    @Test
    void pagesFromAllowedOriginsAndClientsWithoutAnOriginMayConnect() {
        String brand = brand();
        for (String origin : new String[] {"https://shop.example", "https://techpro.brands.example", null}) {
            // the handshake is what the origin check decides; chatting is BrandChatTests' (idle closes come fast here)
            try (SocketClient client = SocketClient.connect(port, brand, origin)) {
                assertThat(client.isOpen()).as(origin).isTrue();
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedAsGoingAway() {
        try (SocketClient client = SocketClient.connect(port, brand())) {
            // Tomcat looks for idle sessions every ten seconds or so; the wait is bounded
            assertThat(client.closeCode(Duration.ofSeconds(30))).isEqualTo(1001);
        }
    }

    private static int handshakeStatus(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
        }
        throw new AssertionError("no handshake refusal in " + thrown, thrown);
    }

    private String brand() {
        String name = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/personas", "{\"name\": \"%s\"}".formatted(name)).status()).isEqualTo(201);
        return name;
    }
}
