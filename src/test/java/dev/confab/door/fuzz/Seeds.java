package dev.confab.door.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records stored before the fuzzing starts, planted through the door under test: a persona, a
 * seed 000 system prompt, a seed 001 chat config, and three conversations with messages (core,
 * seed 001 session, seed 002) of one owner. Requests name them through placeholders
 * ({@link Placeholder}), filled in only when a request is sent, so a generated request means the
 * same in every run. Their snapshot is every view the API gives of them, as raw bytes.
 */
final class Seeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a generated request names a seeded record. */
    enum Placeholder {
        PERSONA_ID, PERSONA_NAME, PROMPT_NAME, CONFIG_ID, CONVERSATION_ID, SESSION_ID, YRAL_ID, OWNER;

        /** The text that stands for the record in a request; nothing a generator makes up contains it. */
        String token() {
            return "SEED_" + name();
        }
    }

    private final Map<Placeholder, String> values;
    private final Door door;

    private Seeds(Map<Placeholder, String> values, Door door) {
        this.values = values;
        this.door = door;
    }

    static Seeds plant(Door door) {
        JsonNode config = call(door, "GET", "/config", null, Map.of());
        assertThat(config.path("max_body_bytes").asLong()).as("the runtime's body limit").isEqualTo(HostileText.MAX_BODY);

        String tag = UUID.randomUUID().toString();
        Map<Placeholder, String> v = new LinkedHashMap<>();
        v.put(Placeholder.OWNER, "owner-" + tag);
        v.put(Placeholder.PERSONA_NAME, "seeded-persona-" + tag);
        v.put(Placeholder.PROMPT_NAME, "seeded-prompt-" + tag);
        v.put(Placeholder.PERSONA_ID, call(door, "POST", "/personas", """
                {"name": "%s", "display_name": "Seeded", "system_prompt": "You are seeded.", "temperature": 0.4,
                 "personality_traits": {"tone": "calm"}, "company_info": {"name": "Seed Co"}}"""
                .formatted(v.get(Placeholder.PERSONA_NAME)), Map.of()).path("id").asText());
        call(door, "POST", "/system-prompt", """
                {"name": "%s", "prompt": "Be brief."}""".formatted(v.get(Placeholder.PROMPT_NAME)), Map.of());
        v.put(Placeholder.CONFIG_ID, call(door, "POST", "/create-chat", """
                {"title": "Seeded config", "systemPrompt": "Seeded.", "model": "local-offline", "temperature": 0.3}""",
                Map.of()).path("chatConfigId").asText());

        String owner = v.get(Placeholder.OWNER);
        String conversation = call(door, "POST", "/chat", """
                {"input": "first seeded message", "user_id": "%s", "persona": "%s"}"""
                .formatted(owner, v.get(Placeholder.PERSONA_ID)), Map.of()).path("conversation_id").asText();
        call(door, "POST", "/chat", """
                {"input": "second seeded message", "user_id": "%s", "conversation_id": "%s"}"""
                .formatted(owner, conversation), Map.of());
        v.put(Placeholder.CONVERSATION_ID, conversation);

        String session = call(door, "POST", "/chat-session", """
                {"chat_config_id": "%s", "user_id": "%s"}""".formatted(v.get(Placeholder.CONFIG_ID), owner), Map.of())
                .path("session_id").asText();
        call(door, "POST", "/session-message", """
                {"session_id": "%s", "message": "seeded session message"}""".formatted(session), Map.of());
        v.put(Placeholder.SESSION_ID, session);

        String yral = call(door, "POST", "/api/v1/chat/conversations", """
                {"influencer_id": "%s"}""".formatted(v.get(Placeholder.PERSONA_ID)), Map.of("X-User-Id", owner))
                .path("id").asText();
        call(door, "POST", "/api/v1/chat/conversations/" + yral + "/messages", """
                {"content": "seeded yral message"}""", Map.of("X-User-Id", owner));
        v.put(Placeholder.YRAL_ID, yral);
        v.values().forEach(value -> assertThat(value).as("a seeded id").isNotBlank());
        return new Seeds(Map.copyOf(v), door);
    }

    String value(Placeholder placeholder) {
        return values.get(placeholder);
    }

    /** The request's text with every placeholder replaced by the seeded record's id or name. */
    String fill(String text) {
        String filled = text;
        for (var entry : values.entrySet()) {
            filled = filled.replace(entry.getKey().token(), entry.getValue());
        }
        return filled;
    }

    /** Bytes filled in as text; ISO-8859-1 maps each byte to one char and back, so other bytes are kept. */
    byte[] fill(byte[] body) {
        return body == null ? null
                : fill(new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every view of every seeded record: view name to status and body, byte for byte. */
    Map<String, String> snapshot() {
        Map<String, String> views = new LinkedHashMap<>();
        for (Placeholder record : Placeholder.values()) {
            viewsOf(record).forEach(view -> views.put(view.path(), read(view)));
        }
        return views;
    }

    /** The first view of a record, which shows any change to it: its version, counts and times are in it. */
    Map.Entry<String, String> glance(Placeholder record) {
        View view = viewsOf(record).get(0);
        return Map.entry(view.path(), read(view));
    }

    /** A GET that shows a seeded record; seed 002's need the owner's identity. */
    private record View(String path, Map<String, String> headers) {
    }

    private List<View> viewsOf(Placeholder record) {
        String owner = value(Placeholder.OWNER);
        Map<String, String> none = Map.of();
        return switch (record) {
            case PERSONA_ID, PERSONA_NAME -> List.of(new View("/personas/" + value(Placeholder.PERSONA_ID), none),
                    new View("/api/v1/influencers/" + value(Placeholder.PERSONA_ID), none));
            case PROMPT_NAME -> List.of(new View("/personas/" + value(Placeholder.PROMPT_NAME), none),
                    new View("/system-prompt?name=" + value(Placeholder.PROMPT_NAME), none));
            case CONFIG_ID -> List.of(new View("/personas/" + value(Placeholder.CONFIG_ID), none),
                    new View("/chat-config/" + value(Placeholder.CONFIG_ID), none));
            case CONVERSATION_ID, SESSION_ID, YRAL_ID -> {
                String id = value(record);
                yield List.of(new View("/conversations/" + id, none),
                        new View("/conversations/" + id + "/messages?limit=100", none),
                        new View("/session/" + id, none),
                        new View("/api/v1/chat/conversations/" + id + "/messages?limit=100", Map.of("X-User-Id", owner)));
            }
            case OWNER -> List.of(new View("/conversations?user_id=" + owner + "&limit=100", none),
                    new View("/api/v1/chat/conversations?limit=100", Map.of("X-User-Id", owner)));
        };
    }

    private String read(View view) {
        Door.Answer answer = door.send("GET", view.path(), view.headers(), null).orElseThrow();
        return answer.status() + " " + answer.text();
    }

    /** The views that read differently now, each with its text then and now, cut short. */
    static List<String> changes(Map<String, String> then, Map<String, String> now) {
        return then.keySet().stream().filter(view -> !then.get(view).equals(now.get(view)))
                .map(view -> "GET " + view + "\n  was: " + cut(then.get(view)) + "\n  now: " + cut(now.get(view)))
                .toList();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Every placeholder the text holds. */
    static List<Placeholder> named(String text) {
        return java.util.Arrays.stream(Placeholder.values()).filter(p -> text.contains(p.token())).toList();
    }

    private static JsonNode call(Door door, String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        Door.Answer answer = door.send(method, path, all,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(answer.status()).as("seeding: " + method + " " + path + " answered " + answer).isBetween(200, 299);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
