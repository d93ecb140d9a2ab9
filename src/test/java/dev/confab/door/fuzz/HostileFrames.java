package dev.confab.door.fuzz;

import static dev.confab.door.fuzz.WebSocketWire.BINARY;
import static dev.confab.door.fuzz.WebSocketWire.CLOSE;
import static dev.confab.door.fuzz.WebSocketWire.PING;
import static dev.confab.door.fuzz.WebSocketWire.TEXT;

import dev.confab.door.fuzz.Seeds.Placeholder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.springframework.web.util.UriUtils;

/**
 * What a hostile client does on {@code /ws/chat/{brand_id}}: chat messages with hostile fields,
 * JSON of every wrong kind, messages past the size limit, text that is not UTF-8, binary, pings,
 * protocol violations (reserved bits, unknown opcodes, unmasked or stray continuation frames),
 * closes with odd codes. As over HTTP, a move that names a seeded conversation carries a poison.
 */
final class HostileFrames {

    /** One frame as it goes on the wire. */
    record WireFrame(int opcode, boolean fin, boolean masked, int rsv, byte[] payload) {

        static WireFrame of(int opcode, byte[] payload) {
            return new WireFrame(opcode, true, true, 0, payload);
        }

        @Override
        public String toString() {
            String text = new String(payload, StandardCharsets.UTF_8);
            return "op" + opcode + (fin ? "" : "(more)") + (masked ? "" : "(unmasked)")
                    + (rsv == 0 ? "" : "(rsv" + rsv + ")")
                    + " " + (text.length() > 160 ? text.substring(0, 120) + "...(" + payload.length + " bytes)" : text);
        }
    }

    /** The frames a client sends in one go; {@code poison} as for {@link HostileRequest}. */
    record Move(List<WireFrame> frames, String poison) {

        boolean aimedAtSeeds() {
            return poison != null;
        }

        @Override
        public String toString() {
            return frames + (poison == null ? "" : " [poison: " + poison + "]");
        }
    }

    /** A connection to one brand and what is sent on it. */
    record Visit(String brand, List<Move> moves) {
    }

    private HostileFrames() {
    }

    static Arbitrary<Visit> visits() {
        Arbitrary<String> brand = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Placeholder.PERSONA_ID.token())),
                Tuple.of(2, Arbitraries.just(Placeholder.PERSONA_NAME.token())),
                Tuple.of(1, HostileText.brief().filter(HostileTargets::plain)
                        .map(b -> UriUtils.encodePathSegment(b, StandardCharsets.UTF_8).replace(";", "%3B"))));
        Arbitrary<Move> move = Arbitraries.frequencyOf(Tuple.of(3, stranger()), Tuple.of(1, aimed()));
        return Combinators.combine(brand, move.list().ofMinSize(1).ofMaxSize(3)).as(Visit::new);
    }

    static Arbitrary<Move> stranger() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, chat().map(HostileFrames::text)),
                Tuple.of(3, Arbitraries.oneOf(HostileJson.object(1), HostileJson.malformed(), HostileJson.wrongShape())
                        .map(HostileFrames::text)),
                Tuple.of(1, HostileBodies.notUtf8().map(bytes -> single(TEXT, bytes))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(bytes -> single(BINARY, bytes))),
                Tuple.of(1, Arbitraries.integers().between(0, 200).map(n -> single(PING, new byte[n]))),
                Tuple.of(2, chat().flatMap(HostileFrames::fragmented)),
                Tuple.of(1, violation()),
                Tuple.of(1, close()));
    }

    /**
     * A chat message: mostly of the right shape with hostile text in its fields, sometimes with a
     * field of the wrong type, an unknown type or data that is no object.
     */
    static Arbitrary<String> chat() {
        Arbitrary<String> type = Arbitraries.frequency(Tuple.of(12, "\"chat\""), Tuple.of(1, "\"CHAT\""),
                Tuple.of(1, "\"ping\""), Tuple.of(1, "\"\""), Tuple.of(1, "5"), Tuple.of(1, "null"),
                Tuple.of(1, "[\"chat\"]"));
        Arbitrary<String> anyValue = HostileJson.value(1);
        Arbitrary<String> text = HostileText.any().map(HostileJson::quote);
        Arbitrary<String> message = Arbitraries.frequencyOf(Tuple.of(6, text), Tuple.of(1, anyValue))
                .map(m -> "\"message\":" + m);
        Arbitrary<String> extra = Arbitraries.oneOf(
                Arbitraries.frequencyOf(Tuple.of(4, text), Tuple.of(1, anyValue)).map(v -> "\"user_id\":" + v),
                Arbitraries.frequencyOf(Tuple.of(4, text), Tuple.of(1, anyValue)).map(v -> "\"conversation_id\":" + v),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("true", "false")), Tuple.of(1, anyValue))
                        .map(v -> "\"voice\":" + v));
        Arbitrary<String> data = Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(message, extra.list().ofMaxSize(2))
                        .as((m, more) -> Stream.concat(Stream.of(m), more.stream())
                                .collect(Collectors.joining(",", "{", "}")))),
                Tuple.of(1, anyValue));
        return Combinators.combine(type, data).as((t, d) -> "{\"type\":" + t + ",\"data\":" + d + "}");
    }

    /**
     * A chat in the seeded conversation, with a poison: someone else's or a blank identity, a blank
     * or too long message, a wrong type, a conversation of another brand, a broken or oversized frame.
     */
    static Arbitrary<Move> aimed() {
        String owner = HostileJson.quote(Placeholder.OWNER.token());
        String conversation = HostileJson.quote(Placeholder.CONVERSATION_ID.token());
        return HostileText.any().flatMap(h -> {
            String message = HostileJson.quote(h);
            String base = "{\"type\":\"chat\",\"data\":{\"message\":%s,\"conversation_id\":%s,\"user_id\":%s%s}}";
            Arbitrary<Move> fieldPoison = Arbitraries.of(
                    poisoned(base.formatted(message, conversation, "\"someone-else\"", ""), "user_id of someone else"),
                    poisoned(base.formatted(message, conversation, "\"\"", ""), "blank user_id"),
                    poisoned(base.formatted("\"\"", conversation, owner, ""), "empty message"),
                    poisoned(base.formatted("\" \\t \"", conversation, owner, ""), "blank message"),
                    poisoned(base.formatted(HostileJson.quote("m".repeat(20_001)), conversation, owner, ""),
                            "message over 20,000 characters"),
                    poisoned(base.formatted(message, conversation, owner, ",\"voice\":\"loud\""), "voice not boolean"),
                    poisoned(base.formatted(message, conversation, owner, ",\"voice\":{}"), "voice an object"),
                    poisoned(base.formatted(message, HostileJson.quote(Placeholder.SESSION_ID.token()), owner, ""),
                            "another brand's conversation"),
                    poisoned(base.formatted(message, conversation, owner, "").replace("\"chat\"", "\"chats\""),
                            "unknown type"));
            String valid = base.formatted(message, conversation, owner, "");
            Arbitrary<Move> framePoison = Arbitraries.of(
                    new Move(List.of(WireFrame.of(TEXT, utf8(valid.substring(0, valid.length() - 1)))), "cut short"),
                    new Move(List.of(WireFrame.of(TEXT, utf8(valid.replace("\"chat\",",
                            "\"chat\",\"pad\":\"" + "p".repeat(HostileText.MAX_BODY) + "\",")))), "over the size limit"),
                    new Move(List.of(WireFrame.of(BINARY, utf8(valid))), "sent as binary"),
                    new Move(List.of(new WireFrame(TEXT, true, false, 0, utf8(valid))), "unmasked"),
                    new Move(List.of(new WireFrame(TEXT, true, true, 4, utf8(valid))), "reserved bit set"));
            return Arbitraries.oneOf(fieldPoison, framePoison);
        });
    }

    private static Move poisoned(String frame, String poison) {
        return new Move(List.of(WireFrame.of(TEXT, utf8(frame))), poison);
    }

    private static Arbitrary<Move> fragmented(String text) {
        byte[] bytes = utf8(text);
        return Arbitraries.integers().between(2, 3).map(parts -> {
            int size = Math.max(1, bytes.length / parts);
            List<WireFrame> frames = IntStream.range(0, parts).mapToObj(i -> {
                int from = Math.min(bytes.length, i * size);
                int to = i == parts - 1 ? bytes.length : Math.min(bytes.length, from + size);
                return new WireFrame(i == 0 ? TEXT : 0x0, i == parts - 1, true, 0,
                        Arrays.copyOfRange(bytes, from, to));
            }).toList();
            return new Move(frames, null);
        });
    }

    /** Frames RFC 6455 forbids: the server must close the connection (1002). */
    static Arbitrary<Move> violation() {
        byte[] hello = utf8("{\"type\":\"chat\",\"data\":{\"message\":\"hi\"}}");
        return Arbitraries.of(
                new Move(List.of(new WireFrame(TEXT, true, true, 1, hello)), null),
                new Move(List.of(new WireFrame(0x3, true, true, 0, hello)), null),
                new Move(List.of(new WireFrame(0xB, true, true, 0, new byte[0])), null),
                new Move(List.of(new WireFrame(TEXT, true, false, 0, hello)), null),
                new Move(List.of(new WireFrame(0x0, true, true, 0, hello)), null),
                new Move(List.of(new WireFrame(PING, false, true, 0, new byte[1])), null));
    }

    /** A close from the client, with a valid, reserved or out-of-range code, or a reason that is not UTF-8. */
    static Arbitrary<Move> close() {
        return Arbitraries.of(1000, 1001, 3000, 4999, 999, 1004, 1005, 1006, 1015, 5000, 65_535).flatMap(code ->
                Arbitraries.of(new byte[0], utf8("bye"), new byte[] {(byte) 0xC0, (byte) 0xAF}).map(reason -> {
                    byte[] payload = new byte[2 + reason.length];
                    payload[0] = (byte) (code >> 8);
                    payload[1] = (byte) code.intValue();
                    System.arraycopy(reason, 0, payload, 2, reason.length);
                    return single(CLOSE, payload);
                }));
    }

    private static Move text(String json) {
        return single(TEXT, utf8(json));
    }

    private static Move single(int opcode, byte[] payload) {
        return new Move(List.of(WireFrame.of(opcode, payload)), null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
