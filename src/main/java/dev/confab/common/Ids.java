package dev.confab.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Identifiers: a readable prefix and a UUID, as the OpenAI-style seeds show them.
 *
 * <p>The UUIDs are version 7: the time in milliseconds first, then 74 random bits from a
 * SecureRandom, fresh for every id (no counter within a millisecond, so an id does not give away
 * its neighbours; nobody can guess one, as with random UUIDs). Being in creation order, a new
 * conversation's or message's id goes at the end of the indexes that hold it, instead of on a
 * random page of each: a chat turn changes fewer pages, and the embedded store writes fewer bytes
 * per commit (local/bench/EmbeddedFileGrowth.java; README, "Benchmarks"). The price: an id shows when
 * it was made, to the millisecond, which the objects it names show anyway (created_at).
 */
public final class Ids {

    private static final TimeBasedEpochRandomGenerator ORDERED = Generators.timeBasedEpochRandomGenerator();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    public static String uuid() {
        return ORDERED.generate().toString();
    }

    public static String prefixed(String prefix) {
        UUID id = ORDERED.generate();
        // 16 digits each, leading zeros kept, so that the ids sort as their UUIDs do
        return prefix + "_" + HEX.toHexDigits(id.getMostSignificantBits()) + HEX.toHexDigits(id.getLeastSignificantBits());
    }
}
