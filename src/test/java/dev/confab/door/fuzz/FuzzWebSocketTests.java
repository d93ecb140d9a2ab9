package dev.confab.door.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.door.fuzz.HostileFrames.Move;
import dev.confab.door.fuzz.HostileFrames.Visit;
import dev.confab.door.fuzz.HostileFrames.WireFrame;
import dev.confab.door.fuzz.WebSocketWire.Event;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile frames through the WebSocket door ({@code /ws/chat/{brand_id}}, seed 004). Every move
 * gets an error frame, a whole reply or a close with a code that says what was wrong; never 1011
 * (server error), never an error frame that is a server error, never a dropped connection; a move
 * aimed at the seeded conversation is refused and leaves it as it was; afterwards the seeded records
 * read as before and a plain chat still gets its reply.
 */
class FuzzWebSocketTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a server may close with here: normal, protocol error, binary refused, not UTF-8, too big, unknown brand. */
    private static final Set<Integer> CLOSES = Set.of(1000, 1002, 1003, 1007, 1009, 4404);
    private static final Set<String> SERVER_ERRORS = Set.of("internal_error", "storage_unavailable");

    private static Seeds seeds;
    private static Map<String, String> before;
    private final Door http = new SocketDoor(FuzzServer.port());

    @BeforeProperty
    void plantSeeds() {
        synchronized (FuzzWebSocketTests.class) {
            if (seeds == null) {
                seeds = Seeds.plant(http);
                before = seeds.snapshot();
            }
        }
    }

    @Property(tries = 1_000)
    void hostileFramesGetAnErrorOrACloseNeverAServerError(@ForAll("visits") Visit visit) throws IOException {
        String brand = seeds.fill(visit.brand());
        try (WebSocketWire socket = WebSocketWire.open(FuzzServer.port(), "/ws/chat/" + brand)) {
            assertThat(socket.handshakeStatus()).as("handshake for " + brand).isEqualTo(101);
            if (!activeBrand(brand)) {
                assertThat(socket.next().text()).as("an unknown brand").contains("brand_not_found");
                assertThat(socket.next().closeCode()).isEqualTo(4404);
                Statistics.label("brand").collect("unknown");
                return;
            }
            Statistics.label("brand").collect("known");
            for (Move move : visit.moves()) {
                if (play(socket, move).startsWith("close")) {
                    break;
                }
            }
        }
        if (visit.moves().stream().anyMatch(Move::aimedAtSeeds)) {
            var now = seeds.glance(Seeds.Placeholder.CONVERSATION_ID);
            assertThat(now.getValue()).as("GET " + now.getKey() + " after " + visit).isEqualTo(before.get(now.getKey()));
        }
    }

    @Provide
    Arbitrary<Visit> visits() {
        return HostileFrames.visits();
    }

    @AfterProperty
    void theSeededRecordsReadAsBeforeAndChatStillWorks() throws IOException {
        assertThat(Seeds.changes(before, seeds.snapshot())).as("views of seeded records that changed").isEmpty();
        try (WebSocketWire socket = WebSocketWire.open(FuzzServer.port(),
                "/ws/chat/" + seeds.value(Seeds.Placeholder.PERSONA_ID))) {
            socket.send(WebSocketWire.TEXT, true, true, 0,
                    "{\"type\":\"chat\",\"data\":{\"message\":\"still there?\"}}".getBytes());
            String last;
            do {
                last = JSON.readTree(socket.next().text()).path("type").asText();
            } while (!last.equals("complete") && !last.equals("error"));
            assertThat(last).isEqualTo("complete");
        }
    }

    /** Found: the error frame quoted the field name, an unpaired surrogate, which cannot be sent (close 1011). */
    @Example
    void aFieldNameThatIsNotUnicodeGetsAnErrorFrame() throws IOException {
        try (WebSocketWire socket = WebSocketWire.open(FuzzServer.port(),
                "/ws/chat/" + seeds.value(Seeds.Placeholder.PERSONA_ID))) {
            Move move = new Move(List.of(WireFrame.of(WebSocketWire.TEXT, "{\"\\ud800\":[]}".getBytes())), null);
            assertThat(play(socket, move)).isEqualTo("error invalid_text");
        }
    }

    /** Sends one move and reads what ends it: "error code", "complete", "pong" or "close code". */
    private String play(WebSocketWire socket, Move move) throws IOException {
        boolean ping = move.frames().get(0).opcode() == WebSocketWire.PING;
        boolean closing = move.frames().get(0).opcode() == WebSocketWire.CLOSE;
        try {
            for (WireFrame frame : move.frames()) {
                socket.send(frame.opcode(), frame.fin(), frame.masked(), frame.rsv(), seeds.fill(frame.payload()));
            }
        } catch (IOException closedMeanwhile) {
            // the server closed on an earlier frame; its close frame is read below
        }
        while (true) {
            Event event = socket.next();
            if (event.ended()) {
                fail("the connection dropped without a close frame after " + move);
            }
            if (event.opcode() == WebSocketWire.CLOSE) {
                String outcome = "close " + event.closeCode();
                Statistics.label("ends with").collect(outcome);
                if (closing) { // the server echoes a valid code the client closed with
                    assertThat(event.closeCode()).as("close code after " + move).isBetween(1000, 4999).isNotEqualTo(1011);
                } else {
                    assertThat(event.closeCode()).as("close code after " + move).isIn(CLOSES);
                }
                return outcome;
            }
            if (event.opcode() == WebSocketWire.PONG && ping) {
                Statistics.label("ends with").collect("pong");
                return "pong";
            }
            assertThat(event.opcode()).as("a text frame after " + move).isEqualTo(WebSocketWire.TEXT);
            JsonNode frame = JSON.readTree(event.text());
            String type = frame.path("type").asText();
            if (type.equals("error")) {
                String code = frame.path("data").path("code").asText();
                Statistics.label("ends with").collect("error " + code);
                assertThat(code).as(event.text() + " after " + move).isNotIn(SERVER_ERRORS);
                return "error " + code;
            }
            if (type.equals("complete")) {
                Statistics.label("ends with").collect("complete");
                assertThat(move.aimedAtSeeds()).as("a reply to a poisoned move: " + move).isFalse();
                return "complete";
            }
            assertThat(type).as(event.text()).isIn(List.of("typing", "chunk"));
        }
    }

    /** Whether the brand is a persona that takes chats; else the door greets with an error and closes (4404). */
    private boolean activeBrand(String encodedBrand) {
        Door.Answer persona = http.send("GET", "/personas/" + encodedBrand, Map.of(), null).orElseThrow();
        try {
            return persona.status() == 200 && JSON.readTree(persona.body()).path("active").asBoolean();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
