package dev.confab.door.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies as bytes: hostile JSON in UTF-8, and bytes no text encoding allows (overlong
 * forms, encoded surrogates, stray continuation bytes), other encodings, sizes around the limit.
 */
final class HostileBodies {

    private HostileBodies() {
    }

    /** A body, or null for none. */
    static Arbitrary<byte[]> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((byte[]) null)),
                Tuple.of(1, Arbitraries.just(new byte[0])),
                Tuple.of(10, HostileJson.object(2).map(HostileBodies::utf8)),
                Tuple.of(3, HostileJson.malformed().map(HostileBodies::utf8)),
                Tuple.of(2, HostileJson.wrongShape().map(HostileBodies::utf8)),
                Tuple.of(2, notUtf8()),
                Tuple.of(1, otherEncodings()),
                Tuple.of(1, aroundTheLimit()));
    }

    /** Inside a JSON string, bytes that are not UTF-8 (or UTF-8 of what must not be encoded). */
    static Arbitrary<byte[]> notUtf8() {
        Arbitrary<byte[]> bad = Arbitraries.of(
                new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
                new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/', three bytes
                new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, // overlong '/', four bytes
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a high surrogate, encoded (CESU-8)
                new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, // a low surrogate, encoded
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0x80}, // a continuation byte alone
                new byte[] {(byte) 0xC3}, // a sequence cut short
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}); // five bytes
        return Combinators.combine(Arbitraries.of(HostileJson.FIELDS), bad, HostileText.plain())
                .as((field, bytes, text) -> concat(utf8("{" + HostileJson.quote(field) + ":\"" + text), bytes,
                        utf8("\"}")));
    }

    /** JSON in UTF-16 or behind a byte order mark: Jackson detects both. */
    static Arbitrary<byte[]> otherEncodings() {
        return HostileJson.object(1).flatMap(json -> Arbitraries.of(
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json)),
                json.getBytes(StandardCharsets.UTF_16BE),
                json.getBytes(StandardCharsets.UTF_16LE),
                json.getBytes(StandardCharsets.UTF_16)));
    }

    /** A valid object padded to a few bytes either side of confab.http.max-body. */
    static Arbitrary<byte[]> aroundTheLimit() {
        return Arbitraries.integers().between(-16, 16).map(delta -> {
            String head = "{\"input\": \"";
            String tail = "\"}";
            int fill = HostileText.MAX_BODY + delta - head.length() - tail.length();
            return utf8(head + "a".repeat(fill) + tail);
        });
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
