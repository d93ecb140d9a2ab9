package dev.confab.door.fuzz;

import dev.confab.Api;
import dev.confab.door.AzureHostTransport;
import dev.confab.door.LambdaEventsTransport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The doors other than local HTTP, as the fuzzer reaches them: through their hosts' test stand-ins. */
final class Doors {

    private Doors() {
    }

    /** The Lambda handler fed with API Gateway REST (v1), HTTP API (v2) or Function URL events. */
    static Door lambda(LambdaEventsTransport.Format format) {
        return (method, target, headers, body) -> Optional.of(answer(LambdaEventsTransport.deliver(format, "",
                wire(method), wire(target), body, wire(headers))));
    }

    /** The Azure HTTP trigger, as the Functions host calls it. */
    static Door azure() {
        return (method, target, headers, body) -> AzureHostTransport.deliver(wire(method), wire(target), body,
                wire(headers)).map(Doors::answer);
    }

    /**
     * Text as it arrives from a wire, which carries bytes: what UTF-8 cannot encode (an unpaired
     * surrogate) is a replacement character by then, as the socket door sends it.
     */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static Map<String, String> wire(Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        headers.forEach((name, value) -> sent.put(wire(name), wire(value)));
        return sent;
    }

    private static Door.Answer answer(Api.Raw raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new Door.Answer(raw.status(), headers, raw.body().getBytes(StandardCharsets.UTF_8));
    }
}
