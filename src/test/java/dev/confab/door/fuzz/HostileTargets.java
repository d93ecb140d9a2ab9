package dev.confab.door.fuzz;

import dev.confab.door.Catalog;
import dev.confab.door.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.springframework.web.util.UriUtils;

/**
 * Where hostile requests go, with what method: the catalog's routes with hostile ids and query
 * parameters, wrong methods, path tricks (dot segments, encodings, matrix parameters, lengths)
 * and routes that do not exist, and Spring Cloud Function's own {@code /{function}} door.
 */
final class HostileTargets {

    static final List<Route> ROUTES = Catalog.load().routes();

    /**
     * A method and a target (path and query, raw).
     *
     * @param tricked whether a server may read the path or query as another route than a plain client's
     */
    record Aim(String method, String target, boolean tricked) {
    }

    private HostileTargets() {
    }

    static Arbitrary<Aim> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, onRoute()),
                Tuple.of(2, wrongMethod()),
                Tuple.of(4, tricked()),
                Tuple.of(2, unknown()),
                Tuple.of(3, functionDoor()));
    }

    /** Spring Cloud Function's own door: {@code /{function}}, {@code /{function}/{value}} and compositions. */
    static Arbitrary<Aim> functionDoor() {
        Catalog catalog = Catalog.load();
        List<String> names = Stream.concat(catalog.functions().keySet().stream(),
                catalog.pipelines().keySet().stream()).toList();
        Arbitrary<String> function = Arbitraries.oneOf(Arbitraries.of(names),
                Arbitraries.of(names).list().ofMinSize(2).ofMaxSize(3).map(n -> String.join(",", n)));
        Arbitrary<String> method = Arbitraries.frequency(Tuple.of(6, "POST"), Tuple.of(2, "GET"), Tuple.of(1, "PUT"),
                Tuple.of(1, "DELETE"));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.just(""), HostileText.brief().filter(HostileTargets::plain)
                .map(v -> "/" + UriUtils.encodePathSegment(v, StandardCharsets.UTF_8)));
        return Combinators.combine(method, function, value).as((m, f, v) -> new Aim(m, "/" + f + v, false));
    }

    /** A route with its own method, hostile ids in the path, hostile query parameters. */
    static Arbitrary<Aim> onRoute() {
        return Combinators.combine(Arbitraries.of(ROUTES), plainIds(), query())
                .as((route, ids, query) -> new Aim(route.method(), fill(route, ids) + query.text(), query.raw()));
    }

    static Arbitrary<Aim> wrongMethod() {
        return Combinators.combine(Arbitraries.of(ROUTES), plainIds(), method())
                .as((route, ids, method) -> new Aim(method, fill(route, ids), false));
    }

    /** Any method at all, standard or not, well-formed or not. */
    static Arbitrary<String> method() {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND",
                "get", "Post", "FOO", "M-SEARCH", "BREW");
    }

    /** A route's path, then one trick played on it. */
    static Arbitrary<Aim> tricked() {
        return Combinators.combine(Arbitraries.of(ROUTES), plainIds(), trick(), Arbitraries.of(true, false),
                        HostileText.brief())
                .as((route, ids, trick, rawId, raw) -> new Aim(route.method(),
                        trick.apply(rawId
                                ? route.path().getPatternString().replaceAll("\\{[^}]+}", Matcher.quoteReplacement(raw))
                                : fill(route, ids)), true));
    }

    static Arbitrary<UnaryOperator<String>> trick() {
        Arbitrary<Integer> length = Arbitraries.integers().between(100, 20_000);
        return Arbitraries.oneOf(Arbitraries.<UnaryOperator<String>>of(
                p -> "/.." + p, p -> "/." + p, p -> "/" + p, p -> p + "/", p -> p + "//", p -> p + "/.",
                p -> p + "/..", p -> p.toUpperCase(Locale.ROOT), p -> p + ";jsessionid=0123456789ABCDEF",
                p -> p.replaceFirst("^/([^/]*)", "/$1;jsessionid=1"), p -> p.replace("/", "/./"),
                p -> p.replace("/", "//"), p -> "/%2e%2e" + p, p -> "/%252e%252e" + p, p -> "/..;" + p,
                p -> p + "%00", p -> p + "%", p -> p + "%ZZ", p -> p + "%C0%AF", p -> p + "%u002e",
                p -> p.replaceFirst("(?<=.)/", "%2F"), p -> p.replace("/", "\\"), p -> p + "#fragment",
                p -> "http://evil.example" + p, p -> p + "/../../../etc/passwd",
                p -> p + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", p -> p + "/..%2f..%2fetc%2fpasswd",
                p -> p.replace("/", "/%2e/"), p -> p + "?", p -> p + "?&&&==&", p -> p + "?limit=1&limit=2"),
                length.map(n -> p -> p + "/" + "a".repeat(n)),
                length.map(n -> p -> "/" + "a/".repeat(n / 2) + p),
                length.map(n -> p -> p + "?user_id=" + "u".repeat(n)));
    }

    /** Paths no route claims: guesses, framework internals, Spring Cloud Function's function names. */
    static Arbitrary<Aim> unknown() {
        Arbitrary<String> path = Arbitraries.oneOf(Arbitraries.of(
                "/no/such/route", "/admin", "/actuator", "/actuator/env", "/actuator/heapdump", "/.env", "/.git/config",
                "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/error", "/error/x", "/ws/chat/anything", "/ws/chat/",
                "/v1/chat/completions/extra", "/api/v1", "/api/v1/chat", "/favicon.ico", "/index.html", "/functions.yml",
                "/createPersona", "/deletePersona", "/getPersona", "/getPersona/nobody", "/chat,promptReply",
                "/promptRequest,chat,promptReply", "/listSystemPrompts", "/functionRouter", "/lambdaDoor",
                "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "*", "/*", "//", "/%20", "/\u00e9", "/😀"),
                HostileText.brief().map(s -> "/" + UriUtils.encodePathSegment(s, StandardCharsets.UTF_8)));
        return Combinators.combine(method(), path).as((method, p) -> new Aim(method, p, true));
    }

    /** Ids as a plain client sends them: percent-encoded, and none a server may read as path syntax. */
    static Arbitrary<List<String>> plainIds() {
        return HostileText.brief().filter(HostileTargets::plain).list().ofMinSize(1).ofMaxSize(2);
    }

    static boolean plain(String id) {
        return !id.isEmpty() && !id.equals(".") && !id.equals("..")
                && id.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)
                && id.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    static String fill(Route route, List<String> ids) {
        String path = route.path().getPatternString();
        for (int i = 0; path.contains("{"); i++) {
            String id = UriUtils.encodePathSegment(ids.get(i % ids.size()), StandardCharsets.UTF_8);
            path = path.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(id));
        }
        return path;
    }

    /** @param raw whether the text was sent unencoded */
    record Query(String text, boolean raw) {
    }

    static Arbitrary<Query> query() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("limit", "offset", "order", "user_id", "persona_id", "soft", "name",
                        "influencer_id", "category", "active", "stream", "model")),
                Tuple.of(2, Arbitraries.of(HostileJson.FIELDS)),
                Tuple.of(1, HostileText.brief()));
        Arbitrary<String> value = Arbitraries.oneOf(HostileText.brief(),
                Arbitraries.of("-1", "0", "1", "100", "101", "99999999999", "1e3", "abc", "desc", "ASC", "true",
                        "maybe", ""));
        Arbitrary<String> pair = Combinators.combine(name, value)
                .as((n, v) -> encode(n) + "=" + encode(v));
        Arbitrary<String> rawPair = Combinators.combine(name, value).as((n, v) -> n + "=" + v);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(new Query("", false))),
                Tuple.of(4, pair.list().ofMinSize(1).ofMaxSize(4).map(p -> new Query("?" + String.join("&", p), false))),
                Tuple.of(1, rawPair.list().ofMinSize(1).ofMaxSize(3).map(p -> new Query("?" + String.join("&", p), true))));
    }

    private static String encode(String text) {
        return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8).replace("&", "%26").replace("=", "%3D")
                .replace("+", "%2B");
    }
}
