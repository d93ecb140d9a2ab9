package dev.confab.door.fuzz;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.springframework.web.util.UriUtils;

/**
 * Requests of the right shape whose text is hostile: they pass the door's checks, so the hostile
 * text goes on into the functions, storage, the model and back out in the reply. They name no
 * seeded record; the records they create are their own.
 */
final class WellFormedRequests {

    private WellFormedRequests() {
    }

    static Arbitrary<HostileRequest> any() {
        Arbitrary<String> h = HostileText.any().map(HostileJson::quote);
        Arbitrary<String> n = Arbitraries.of("0", "0.5", "1", "2", "1e-9", "1.9999");
        Arbitrary<List<String>> texts = h.list().ofSize(7);
        return Combinators.combine(Arbitraries.integers().between(0, FORMS.size() - 1), texts, n,
                        Arbitraries.of(true, false), HostileText.brief())
                .as((form, t, number, flag, plain) -> FORMS.get(form).make(t, number, flag, plain));
    }

    /** One request shape; {@code t} holds seven hostile JSON strings. */
    @FunctionalInterface
    private interface Form {
        HostileRequest make(List<String> t, String number, boolean flag, String plain);
    }

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static HostileRequest post(String path, String body) {
        return HostileRequest.stranger("POST", path, false, JSON, HostileBodies.utf8(body));
    }

    private static HostileRequest get(String path, Map<String, String> headers) {
        return HostileRequest.stranger("GET", path, false, headers, null);
    }

    private static String segment(String text) {
        return UriUtils.encodePathSegment(text.isEmpty() ? "x" : text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("/", "%2F");
    }

    private static final List<Form> FORMS = List.of(
            (t, n, b, p) -> post("/personas", """
                    {"name": %s, "display_name": %s, "system_prompt": %s, "category": %s, "temperature": %s,
                     "personality_traits": {%s: %s}, "company_info": {"name": %s}}"""
                    .formatted(t.get(0), t.get(1), t.get(2), t.get(3), n, t.get(4), t.get(5), t.get(6))),
            (t, n, b, p) -> post("/conversations", """
                    {"user_id": %s, "title": %s, "metadata": {%s: %s}, "settings": {"model": %s, "system_prompt": %s}}"""
                    .formatted(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5))),
            (t, n, b, p) -> post("/chat", """
                    {"input": %s, "user_id": %s, "instructions": %s, "model": %s, "stream": %s, "temperature": %s,
                     "metadata": {%s: %s}}""".formatted(t.get(0), t.get(1), t.get(2), t.get(3), b, n, t.get(4), t.get(5))),
            (t, n, b, p) -> post("/chat", """
                    {"input": [{"type": "text", "text": %s}, {"type": "image_url", "image_url": {"url": %s}}],
                     "user_id": %s, "message_type": %s}""".formatted(t.get(0), t.get(1), t.get(2), t.get(3))),
            (t, n, b, p) -> post("/v1/chat/completions", """
                    {"model": %s, "messages": [{"role": "system", "content": %s}, {"role": "user", "content": %s}],
                     "stream": %s, "user": %s}""".formatted(t.get(0), t.get(1), t.get(2), b, t.get(3))),
            (t, n, b, p) -> post("/system-prompt", "{\"name\": %s, \"prompt\": %s}".formatted(t.get(0), t.get(1))),
            (t, n, b, p) -> post("/create-chat", """
                    {"title": %s, "systemPrompt": %s, "model": %s, "temperature": %s}"""
                    .formatted(t.get(0), t.get(1), t.get(2), n)),
            (t, n, b, p) -> post(b ? "/prompt" : "/prompt-gemini", """
                    {"prompt": %s, "systemPrompt": %s, "UserID": %s}""".formatted(t.get(0), t.get(1), t.get(2))),
            (t, n, b, p) -> post("/session-message", "{\"session_id\": %s, \"message\": %s}".formatted(t.get(0), t.get(1))),
            (t, n, b, p) -> get("/personas/" + segment(p), Map.of()),
            (t, n, b, p) -> get("/conversations?user_id=" + UriUtils.encodeQueryParam(p, "UTF-8").replace("&", "%26"),
                    Map.of()),
            (t, n, b, p) -> get("/system-prompt?name=" + UriUtils.encodeQueryParam(p, "UTF-8").replace("&", "%26"),
                    Map.of()),
            (t, n, b, p) -> get("/api/v1/chat/conversations", p.isEmpty() ? Map.of() : Map.of("X-User-Id",
                    p.replaceAll("[\\r\\n]", " "))));
}
