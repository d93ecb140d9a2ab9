package dev.confab.door.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * What makes a request that names a seeded record one the API must refuse, whatever else it holds.
 * Door poisons break the request itself, and the dispatcher refuses them for every route before any
 * function runs: a body cut short, a body that is no object, a body in a foreign media type, a body
 * over the limit. Field poisons break one field in a way the route's contract refuses: a value out
 * of range, a blank required text, someone else's identity, a taken name, a wrong type.
 */
record Poison(String name, UnaryOperator<Draft> apply) {

    @Override
    public String toString() {
        return name;
    }

    /** For a creation whose name or id a seeded record has: the conflict itself is the refusal (409). */
    static final Poison TAKEN = new Poison("taken by a seeded record", d -> d);

    static Poison field(String field, String json) {
        return new Poison(field + "=" + abbreviated(json), d -> d.with(field, json));
    }

    static Poison text(String field, String text) {
        return field(field, HostileJson.quote(text));
    }

    static Poison header(String name, String value) {
        return new Poison(name + ": " + value, d -> d.header(name, value));
    }

    static Poison query(String name, String value) {
        return new Poison("?" + name + "=" + value, d -> d.query(name, value));
    }

    /** Breaks that every catalog route refuses at the door, for any target. */
    static Arbitrary<Poison> atTheDoor() {
        Arbitrary<Poison> cutShort = Arbitraries.doubles().between(0, 1).map(share -> new Poison(
                "body cut short", d -> {
                    String json = d.json();
                    int end = 1 + (int) (share * (json.length() - 2)); // keeps the '{', drops at least the '}'
                    return d.body(json.substring(0, end).getBytes(StandardCharsets.UTF_8));
                }));
        Arbitrary<Poison> noObject = Arbitraries.<UnaryOperator<String>>of(
                json -> "[" + json + "]", json -> "[" + json + ", 1]", HostileJson::quote, json -> "42")
                .map(shape -> new Poison("body is no object", d -> d.body(shape.apply(d.json())
                        .getBytes(StandardCharsets.UTF_8))));
        Arbitrary<Poison> foreignType = Arbitraries.of("application/xml", "text/html", "application/octet-stream",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png")
                .map(type -> new Poison("Content-Type: " + type, d -> d.body(d.json().getBytes(StandardCharsets.UTF_8))
                        .header("Content-Type", type)));
        Arbitrary<Poison> oversized = Arbitraries.integers().between(1, HostileText.MAX_BODY).map(extra -> new Poison(
                "body over the limit by " + extra + "+ bytes",
                d -> d.with("padding", HostileJson.quote("p".repeat(HostileText.MAX_BODY + extra)))));
        return Arbitraries.oneOf(cutShort, noObject, foreignType, oversized);
    }

    /** Out-of-range sampling settings, as every route that takes them refuses them (422). */
    static List<Poison> outOfRange() {
        return List.of(field("temperature", "7"), field("temperature", "-0.5"), field("temperature", "\"NaN\""),
                field("top_p", "1.5"), field("top_p", "-1"), field("max_tokens", "0"), field("max_tokens", "1000001"));
    }

    private static String abbreviated(String json) {
        return json.length() > 40 ? json.substring(0, 20) + "...(" + json.length() + " chars)" : json;
    }
}
