package dev.confab.door.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request headers a hostile client sends: wrong or missing content types, identities that are
 * injection strings, CRLF in values, values past any header limit, names no token allows.
 * Never the framing headers (Content-Length, Transfer-Encoding): the transports set those, and a
 * lie about length only makes a server wait, which proves nothing.
 */
final class HostileHeaders {

    private HostileHeaders() {
    }

    static Arbitrary<Map<String, String>> any() {
        Arbitrary<Optional<String>> contentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Optional.of("application/json"))),
                Tuple.of(2, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(4, contentType().map(Optional::of)));
        Arbitrary<Optional<String>> user = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(2, HostileText.brief().map(Optional::of)),
                Tuple.of(1, value().map(Optional::of)));
        Arbitrary<List<Tuple.Tuple2<String, String>>> extra = Combinators.combine(name(), value())
                .as(Tuple::of).list().ofMaxSize(2);
        return Combinators.combine(contentType, user, extra).as((type, id, more) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            type.ifPresent(t -> headers.put("Content-Type", t));
            id.ifPresent(i -> headers.put("X-User-Id", i));
            more.forEach(h -> headers.putIfAbsent(h.get1(), h.get2()));
            return headers;
        });
    }

    /** Content types other than plain JSON: charsets, JSON look-alikes, forms, nonsense. */
    static Arbitrary<String> contentType() {
        return Arbitraries.of("application/json; charset=utf-8", "application/json; charset=utf-16",
                "application/json; charset=\"nonsense\"", "APPLICATION/JSON", "application/vnd.api+json",
                "application/x-ndjson", "text/plain", "text/plain; charset=latin1", "text/html", "application/xml",
                "text/xml", "multipart/form-data; boundary=----x", "application/x-www-form-urlencoded",
                "application/octet-stream", "image/png", "*/*", "", " ", "json", "application/", ";;;",
                "application/json\r\nX-Injected: 1", "application/json, text/html", "😀/😀");
    }

    /** A header value: hostile text, a CRLF injection, or a length past any header limit. */
    static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, HostileText.brief()),
                Tuple.of(1, Arbitraries.of("x\r\nX-Injected: 1", "x\r\nSet-Cookie: stolen=1", "x\nX-Bare-Lf: 1",
                        "x\rX-Bare-Cr: 1", "x\r\n\r\nGET /admin HTTP/1.1")),
                Tuple.of(1, Arbitraries.integers().between(4_000, 20_000).map("v"::repeat)));
    }

    static Arbitrary<String> name() {
        return Arbitraries.of("X-User-Id", "Accept", "Accept-Charset", "Accept-Encoding", "Origin", "Authorization",
                "Cookie", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix",
                "Forwarded", "Content-Encoding", "Content-Language", "If-None-Match", "Range", "Referer",
                "X-HTTP-Method-Override", "Upgrade", "X-Amzn-Trace-Id", "Bad Header", "X-😀", "X:Colon", "");
    }
}
