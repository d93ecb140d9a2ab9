package dev.confab.door.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.door.fuzz.Findings.Finding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile requests through one door. Every answer is below 500; an error answer carries the JSON
 * error envelope of its route's surface; a request that names a seeded record is refused (4xx) and
 * leaves the record as it was; after all tries every view of every seeded record reads byte for
 * byte as before. Each door's tests extend this with their door; the generators are the same for
 * all ({@link HostileRequests}), and so are the findings of earlier runs ({@link Findings}).
 */
abstract class DoorFuzzing {

    /** At least 1,000 delivered: the Azure host hands the trigger only the methods it declares. */
    static final int TRIES = 1_100;
    static final int DELIVERED = 1_000;

    /** Seeds and their first snapshot, planted once per door (each door has its own runtime and store). */
    private record Planted(Seeds seeds, Map<String, String> before) {
    }

    private static final Map<Class<?>, Planted> PLANTED = new ConcurrentHashMap<>();

    private Planted planted;
    private int tried;
    private int delivered;

    protected abstract Door door();

    @BeforeProperty
    void plantSeeds() {
        planted = PLANTED.computeIfAbsent(getClass(), door -> {
            Seeds seeds = Seeds.plant(door());
            return new Planted(seeds, seeds.snapshot());
        });
    }

    @Property(tries = TRIES)
    void hostileRequestsGetNo5xxAndLeaveTheStoredRecordsAlone(@ForAll("hostileRequests") HostileRequest request) {
        check(request);
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        return HostileRequests.all();
    }

    /** Each finding once, on every run: they must stay fixed. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void whatTheFuzzerFoundStaysFixed(@ForAll("findings") Finding finding) {
        check(finding.request()).ifPresent(answer -> assertThat(answer.status())
                .as(finding + "\n  answered " + answer).isIn(finding.statuses()));
    }

    @Provide
    Arbitrary<Finding> findings() {
        return Arbitraries.of(Findings.ALL);
    }

    @AfterProperty
    void theSeededRecordsReadAsBefore() {
        assertThat(Seeds.changes(planted.before(), planted.seeds().snapshot()))
                .as("views of seeded records that changed").isEmpty();
        if (tried == TRIES) {
            assertThat(delivered).as("requests the door took").isGreaterThanOrEqualTo(DELIVERED);
        }
    }

    /** Sends one request and checks its answer, which it returns; empty when the door did not take it. */
    Optional<Door.Answer> check(HostileRequest request) {
        tried++;
        Seeds seeds = planted.seeds();
        Optional<Door.Answer> sent = door().send(request.method(), seeds.fill(request.target()),
                fill(request.headers()), seeds.fill(request.body()));
        Statistics.label("request").collect(request.aimedAtSeeds() ? "aimed at a seeded record" : "stranger");
        Statistics.label("answer").collect(sent.map(a -> a.status() / 100 + "xx").orElse("not taken"));
        if (sent.isEmpty()) {
            return sent;
        }
        delivered++;
        Door.Answer answer = sent.get();
        String said = request + "\n  answered " + answer;
        assertThat(answer.status()).as(said).isLessThan(500);
        if (request.aimedAtSeeds()) {
            assertThat(answer.status()).as("refused: " + said).isBetween(400, 499);
            for (Seeds.Placeholder record : request.names()) {
                Map.Entry<String, String> now = seeds.glance(record);
                assertThat(now.getValue()).as("GET " + now.getKey() + " after " + said)
                        .isEqualTo(planted.before().get(now.getKey()));
            }
        }
        if (answer.status() == Door.Answer.NONE) {
            assertThat(Envelopes.fits(request.envelopes(), answer.body())).as("an error envelope: " + said).isTrue();
        } else if (answer.status() >= 400 && !request.method().equalsIgnoreCase("HEAD")) {
            assertThat(answer.headers().getOrDefault("content-type", "")).as(said).startsWith("application/json");
            assertThat(Envelopes.fits(request.envelopes(), answer.body()))
                    .as("an error envelope of " + request.envelopes() + ": " + said).isTrue();
        }
        return sent;
    }

    private Map<String, String> fill(Map<String, String> headers) {
        Map<String, String> filled = new LinkedHashMap<>();
        headers.forEach((name, value) -> filled.put(name, planted.seeds().fill(value)));
        return filled;
    }
}
