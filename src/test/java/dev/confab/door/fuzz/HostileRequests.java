package dev.confab.door.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The one generator set every door is fuzzed with. */
final class HostileRequests {

    private HostileRequests() {
    }

    /**
     * Strangers' requests of any shape, strangers' requests of the right shape with hostile text
     * ({@link WellFormedRequests}), and poisoned requests aimed at seeded records ({@link SeedTargets}).
     */
    static Arbitrary<HostileRequest> all() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strangers()),
                Tuple.of(2, WellFormedRequests.any()),
                Tuple.of(3, SeedTargets.any()));
    }

    /** Requests that name no seeded record: any route, method, path trick, headers and body. */
    static Arbitrary<HostileRequest> strangers() {
        return Combinators.combine(HostileTargets.any(), HostileHeaders.any(), HostileBodies.any())
                .as((aim, headers, body) -> HostileRequest.stranger(aim.method(), aim.target(), aim.tricked(),
                        headers, body));
    }
}
