package dev.confab.door.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON texts a hostile client sends: objects whose fields are the ones Confab's inputs read (so the
 * hostile values reach real code) holding values of every type, wrong shapes, broken syntax,
 * nesting past any parser's limit.
 */
final class HostileJson {

    /** Field names of the functions' inputs (snake_case and the seeds' camelCase aliases), and a few none has. */
    static final List<String> FIELDS = List.of("input", "user_id", "conversation_id", "persona", "persona_id",
            "model", "instructions", "stream", "temperature", "max_tokens", "top_p", "message_type", "metadata",
            "history", "title", "settings", "name", "id", "display_name", "description", "category", "avatar_url",
            "system_prompt", "welcome_message", "company_info", "appearance", "personality_traits", "active",
            "shareable", "soft", "limit", "offset", "order", "prompt", "systemPrompt", "system_prompt_name",
            "UserID", "chatConfigId", "chat_config_id", "session_id", "sessionId", "message", "content",
            "influencer_id", "media_urls", "audio_url", "messages", "max_completion_tokens", "user",
            "one_per_persona", "summary", "version", "deleted", "message_count", "created_at",
            "__proto__", "constructor", "$where", "");

    private HostileJson() {
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    static Arbitrary<String> value(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar()),
                Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4)
                        .map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1))),
                Tuple.of(1, operatorObject()),
                Tuple.of(1, Arbitraries.lazy(() -> object(0)).map(HostileJson::quote))); // JSON in a JSON string
    }

    /** An object of fields from {@link #FIELDS} (mostly) with hostile values; keys may repeat. */
    static Arbitrary<String> object(int depth) {
        Arbitrary<String> key = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(FIELDS)),
                Tuple.of(1, HostileText.brief()));
        Arbitrary<String> field = Combinators.combine(key, Arbitraries.lazy(() -> value(depth)))
                .as((k, v) -> quote(k) + ":" + v);
        return field.list().ofMaxSize(5).map(fields -> "{" + String.join(",", fields) + "}");
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, HostileText.any().map(HostileJson::quote)),
                Tuple.of(2, number()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "-1", "0.5", "7", "-7", "2.0000001", "1e309", "-1e309", "1e-400",
                        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1.7976931348623157E309",
                        "123456789012345678901234567890123456789012345678901234567890", "4.9E-325", "0.0e0"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")));
    }

    /** Query-operator objects (NoSQL injection) where a scalar belongs. */
    static Arbitrary<String> operatorObject() {
        return Arbitraries.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}",
                "{\"$regex\":\".*\"}", "{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"id\"]}",
                "[\"java.util.HashMap\",{}]");
    }

    /** Not JSON at all, or JSON cut short or broken in one place. */
    static Arbitrary<String> malformed() {
        Arbitrary<String> cutShort = object(1).filter(o -> o.length() > 2).flatMap(o ->
                Arbitraries.integers().between(1, o.length() - 1).map(end -> o.substring(0, end)));
        return Arbitraries.oneOf(cutShort, Arbitraries.of(
                "{'input': 'hi'}", "{input: \"hi\"}", "{\"input\": \"hi\",}", "{\"input\" \"hi\"}",
                "{\"input\": \"hi\"", "{\"input\": \"unterminated}", "{\"input\": \"bad \\x41 escape\"}",
                "{\"input\": \"raw \u0001 control\"}", "{\"input\": 01}", "{\"input\": +1}", "{\"input\": .5}",
                "{\"input\": NaN}", "{\"input\": Infinity}", "{/* comment */ \"input\": 1}", "{\"input\": tru}",
                "\"unterminated", "[1, 2", "}", "{{}}", "<xml/>", "input=hi&user_id=1", ",", ":", "\u0000",
                "{\"input\": \"\\ud800\\\"}", "{\"a\":1}}", "{\"input\": [}", "\uFEFF\uFEFF{}", "{\"\\u\": 1}"));
    }

    /** Valid JSON that is no object: the body of every route must be one. */
    static Arbitrary<String> wrongShape() {
        return Arbitraries.oneOf(
                Arbitraries.of("[]", "[1,2]", "[{\"input\":\"hi\"}]", "42", "-1e999", "\"just a string\"", "true",
                        "false", "\"{\\\"input\\\": \\\"hi\\\"}\""),
                deepNesting());
    }

    /** Nesting around and past Jackson's limit (1000), arrays or objects. */
    static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(2, 3000), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /**
     * A JSON string literal. Unpaired surrogates become {@code \\uXXXX} escapes (JSON allows them,
     * UTF-8 cannot carry them); everything else a JSON string may hold raw stays raw.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
