package dev.confab.door.fuzz;

import static dev.confab.door.fuzz.Poison.field;
import static dev.confab.door.fuzz.Poison.header;
import static dev.confab.door.fuzz.Poison.text;

import dev.confab.door.fuzz.Seeds.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Every way a request can change a seeded record, each written as the valid request that would do
 * it, with the poisons its route's contract refuses it for. Hostile text fills the fields the
 * change would write.
 *
 * <p>The rule that keeps "the seeded records are unchanged" a sound claim: a request that names a
 * seeded record always carries exactly one poison, so the API must refuse it whatever the rest
 * holds, and the fuzzer asserts that it does (a 4xx). Requests that name no seeded record may do
 * anything, valid creations and changes of their own records included: they cannot reach a seeded
 * record, whose ids and names are random and appear in no generator, unless the server has a bug
 * (an injection that matches every row, a path trick that lands elsewhere), and that is what the
 * snapshot at the end catches.
 */
final class SeedTargets {

    private static final String SOMEONE_ELSE = "someone-else";

    /** A change to a seeded record: the valid request, given the record's placeholder and hostile text. */
    record Target(String name, List<Placeholder> records, BiFunction<String, String, Draft> valid,
            List<Poison> refusals) {

        @Override
        public String toString() {
            return name;
        }
    }

    private SeedTargets() {
    }

    static Arbitrary<HostileRequest> any() {
        return Arbitraries.of(TARGETS).flatMap(target -> Combinators.combine(Arbitraries.of(target.records()),
                        HostileText.any(), poisons(target))
                .as((record, hostile, poison) -> HostileRequest.aimed(
                        poison.apply().apply(target.valid().apply(record.token(), hostile)), poison.name())));
    }

    private static Arbitrary<Poison> poisons(Target target) {
        return target.refusals().isEmpty() ? Poison.atTheDoor()
                : Arbitraries.oneOf(Poison.atTheDoor(), Arbitraries.of(target.refusals()));
    }

    private static final List<Placeholder> PERSONAS = List.of(Placeholder.PERSONA_ID, Placeholder.PERSONA_NAME,
            Placeholder.CONFIG_ID, Placeholder.PROMPT_NAME);
    /** Not the system prompt's persona: the name poison renames to its name, which must be someone else's. */
    private static final List<Placeholder> RENAMEABLE = List.of(Placeholder.PERSONA_ID, Placeholder.PERSONA_NAME,
            Placeholder.CONFIG_ID);
    private static final List<Placeholder> CONVERSATIONS = List.of(Placeholder.CONVERSATION_ID,
            Placeholder.SESSION_ID, Placeholder.YRAL_ID);
    private static final String OWNER = Placeholder.OWNER.token();

    static final List<Target> TARGETS = List.of(
            new Target("update a persona", RENAMEABLE, (id, h) -> Draft.of("PATCH", "/personas/" + id,
                    Map.of("display_name", HostileJson.quote(h), "description", HostileJson.quote(h)), Map.of()),
                    personaRefusals()),
            new Target("replace a persona", RENAMEABLE, (id, h) -> Draft.of("PUT", "/personas/" + id,
                    Map.of("display_name", HostileJson.quote(h), "welcome_message", HostileJson.quote(h)), Map.of()),
                    personaRefusals()),
            new Target("delete a persona", PERSONAS, (id, h) -> Draft.of("DELETE", "/personas/" + id, null, Map.of()),
                    List.of()),
            new Target("create a persona with a taken name", List.of(Placeholder.PERSONA_NAME, Placeholder.PROMPT_NAME),
                    (name, h) -> Draft.of("POST", "/personas", Map.of("name", HostileJson.quote(name),
                            "system_prompt", HostileJson.quote(h)), Map.of()), List.of(Poison.TAKEN)),
            new Target("create a persona with a taken id", List.of(Placeholder.PERSONA_ID, Placeholder.CONFIG_ID),
                    (id, h) -> Draft.of("POST", "/personas", Map.of("id", HostileJson.quote(id),
                            "name", HostileJson.quote("fresh " + h)), Map.of()), List.of(Poison.TAKEN)),
            new Target("update a conversation", CONVERSATIONS, (id, h) -> Draft.of("PATCH", "/conversations/" + id,
                    Map.of("title", HostileJson.quote(h), "metadata", "{\"note\":" + HostileJson.quote(h) + "}"),
                    Map.of()), conversationRefusals()),
            new Target("delete a conversation", CONVERSATIONS, (id, h) -> Draft.of("DELETE",
                    "/conversations/" + id + "?soft=" + (h.length() % 2 == 0), null, Map.of()),
                    List.of(Poison.query("soft", "maybe"), Poison.query("soft", "1&soft=0"))),
            new Target("chat in a conversation", CONVERSATIONS, (id, h) -> Draft.of("POST", "/chat",
                    Map.of("input", HostileJson.quote(h), "conversation_id", HostileJson.quote(id),
                            "user_id", HostileJson.quote(OWNER), "stream", String.valueOf(h.length() % 2 == 0)),
                    Map.of()), chatRefusals()),
            new Target("continue a conversation as OpenAI", CONVERSATIONS, (id, h) -> Draft.of("POST",
                    "/v1/chat/completions", Map.of("model", "\"local-offline\"",
                            "messages", "[{\"role\":\"user\",\"content\":" + HostileJson.quote(h) + "}]",
                            "conversation_id", HostileJson.quote(id), "user", HostileJson.quote(OWNER)), Map.of()),
                    completionRefusals()),
            new Target("save a system prompt", List.of(Placeholder.PROMPT_NAME, Placeholder.PERSONA_NAME),
                    (name, h) -> Draft.of("POST", "/system-prompt", Map.of("name", HostileJson.quote(name),
                            "prompt", HostileJson.quote(h)), Map.of()),
                    List.of(text("prompt", ""), text("prompt", " \t\n"), field("prompt", "{}"), field("prompt", "[]"),
                            field("prompt", "null"))),
            new Target("delete a system prompt", List.of(Placeholder.PROMPT_NAME, Placeholder.PERSONA_NAME),
                    (name, h) -> Draft.of("DELETE", "/system-prompt?name=" + name, null, Map.of()), List.of()),
            new Target("update a chat config", List.of(Placeholder.CONFIG_ID, Placeholder.PERSONA_ID),
                    (id, h) -> Draft.of("PUT", "/chat-config/" + id, Map.of("title", HostileJson.quote(h),
                            "temperature", "0.5"), Map.of()),
                    List.of(field("temperature", "7"), field("temperature", "\"hot\""), field("title", "{}"),
                            field("model", "[]"))),
            new Target("update a session", CONVERSATIONS, (id, h) -> Draft.of("PUT", "/session/" + id,
                    Map.of("title", HostileJson.quote(h), "temperature", "0.2"), Map.of()),
                    List.of(field("temperature", "3"), text("title", "t".repeat(501)), field("model", "{}"))),
            new Target("send a session message", CONVERSATIONS, (id, h) -> Draft.of("POST", "/session-message",
                    Map.of("session_id", HostileJson.quote(id), "message", HostileJson.quote(h)), Map.of()),
                    List.of(text("message", ""), text("message", "   "), field("message", "[]"),
                            text("message", "m".repeat(20_001)))),
            new Target("prompt in a conversation", CONVERSATIONS, (id, h) -> Draft.of("POST", "/prompt",
                    Map.of("prompt", HostileJson.quote(h), "conversation_id", HostileJson.quote(id),
                            "user_id", HostileJson.quote(OWNER)), Map.of()),
                    List.of(text("prompt", ""), field("prompt", "[]"), text("user_id", SOMEONE_ELSE),
                            text("system_prompt_name", "no-such-prompt"))),
            new Target("send a seed 002 message", CONVERSATIONS, (id, h) -> Draft.of("POST",
                    "/api/v1/chat/conversations/" + id + "/messages", Map.of("content", HostileJson.quote(h),
                            "message_type", "\"text\""), Map.of("X-User-Id", OWNER)),
                    List.of(header("X-User-Id", SOMEONE_ELSE), header("X-User-Id", null), header("X-User-Id", ""),
                            text("content", ""), text("message_type", "video"), text("message_type", "audio"),
                            text("message_type", "image"), text("content", "c".repeat(20_001)))),
            new Target("delete a seed 002 conversation", CONVERSATIONS, (id, h) -> Draft.of("DELETE",
                    "/api/v1/chat/conversations/" + id, null, Map.of("X-User-Id", OWNER)),
                    List.of(header("X-User-Id", SOMEONE_ELSE), header("X-User-Id", null))));

    private static List<Poison> personaRefusals() {
        List<Poison> refusals = new ArrayList<>(Poison.outOfRange());
        refusals.addAll(List.of(text("name", ""), text("name", "   "), text("name", "n".repeat(201)),
                text("name", Placeholder.PROMPT_NAME.token()), field("display_name", "{\"$ne\":null}"),
                field("temperature", "{}"), field("company_info", "\"text\"")));
        return refusals;
    }

    private static List<Poison> conversationRefusals() {
        return List.of(field("settings", "{\"temperature\":7}"), field("settings", "{\"top_p\":-1}"),
                field("settings", "{\"max_tokens\":0}"), text("title", "t".repeat(501)), field("title", "[]"),
                field("metadata", "\"text\""), field("settings", "5"));
    }

    private static List<Poison> chatRefusals() {
        List<Poison> refusals = new ArrayList<>(Poison.outOfRange());
        refusals.addAll(List.of(text("input", ""), text("input", "  "), field("input", "[]"), field("input", "{}"),
                field("input", "[{\"type\":\"video\",\"url\":\"x\"}]"), text("input", "i".repeat(20_001)),
                text("user_id", SOMEONE_ELSE), text("user_id", ""), field("max_tokens", "\"many\""),
                field("history", "\"text\""), text("persona", "no-such-persona"),
                text("model", "local-" + "m".repeat(200)), text("message_type", "t".repeat(21))));
        return refusals;
    }

    private static List<Poison> completionRefusals() {
        List<Poison> refusals = new ArrayList<>(Poison.outOfRange());
        refusals.addAll(List.of(text("user", SOMEONE_ELSE), field("messages", "[]"), field("messages", "\"hi\""),
                field("messages", "[{\"role\":\"assistant\",\"content\":\"hi\"}]")));
        return refusals;
    }
}
