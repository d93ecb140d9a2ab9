package dev.confab.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void prefixedIdsKeepTheirShape() {
        assertThat(Ids.prefixed("msg")).matches("msg_[0-9a-f]{32}");
        assertThat(UUID.fromString(Ids.uuid()).version()).isEqualTo(7);
    }

    @Test
    void anIdMadeInALaterMillisecondSortsAfter() {
        String first = Ids.prefixed("conv");
        String later = first;
        // no sleep: ids are made until one carries a later millisecond (the first 12 hex digits)
        while (later.substring(5, 17).equals(first.substring(5, 17))) {
            later = Ids.prefixed("conv");
        }
        assertThat(later).isGreaterThan(first);
    }

    @Test
    void consecutiveIdsAreRandomNotCounted() {
        Set<String> tails = new HashSet<>();
        Set<Long> steps = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.fromString(Ids.uuid());
            assertThat(tails.add(Long.toHexString(id.getLeastSignificantBits()))).isTrue();
            steps.add(id.getLeastSignificantBits() - previous);
            previous = id.getLeastSignificantBits();
        }
        // a counter would step by one (or a fixed amount) from one id to the next
        assertThat(steps).hasSizeGreaterThan(990);
    }
}
