package dev.confab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.ChatLoad.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The conversations as the server lists them (GET /conversations/{id}/messages, every page), and
 * what must hold of them after a crash.
 */
final class StoredConversations {

    /**
     * The start of every offline reply, up to the quote of the user's message, as OfflineChatModel
     * words it. Every acknowledged reply is checked against it too, so a change of wording there
     * fails here loudly rather than passing unchecked.
     */
    private static final String OFFLINE =
            "[Offline reply, not AI-generated: no provider key is configured.] You said: \"";
    /** A whole offline reply: it quotes the user's message and ends with a full stop. */
    private static final Pattern WHOLE_REPLY = Pattern.compile(
            Pattern.quote(OFFLINE) + "(.*)\"(?: \\(message \\d+ of this conversation\\))?\\.", Pattern.DOTALL);

    private final Map<String, List<JsonNode>> messages = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    private StoredConversations() {
    }

    static StoredConversations read(Api api, List<String> conversations) {
        StoredConversations stored = new StoredConversations();
        for (String id : conversations) {
            List<JsonNode> all = new ArrayList<>();
            for (int offset = 0; ; offset += 100) {
                Api.Reply page = api.get("/conversations/" + id + "/messages?limit=100&order=asc&offset=" + offset);
                assertThat(page.status()).as("listing %s", id).isEqualTo(200);
                page.json().forEach(all::add);
                if (page.json().size() < 100) {
                    break;
                }
            }
            stored.messages.put(id, all);
            stored.counts.put(id, api.get("/conversations/" + id).json().path("message_count").asInt(-1));
        }
        return stored;
    }

    int size(String conversation) {
        return messages.get(conversation).size();
    }

    /**
     * Each conversation is one unbroken sequence: places 1..n, each once, as many as its
     * message_count says, every message a distinct id, every user message one a client sent, once.
     */
    void areConsistentSequences(Set<String> sent) {
        messages.forEach((id, list) -> {
            assertThat(list.stream().mapToLong(m -> m.path("seq").asLong()))
                    .as("places of the messages of %s", id).containsExactlyElementsOf(
                            LongStream.rangeClosed(1, list.size()).boxed().toList());
            assertThat(counts.get(id)).as("message_count of %s", id).isEqualTo(list.size());
            assertThat(new HashSet<>(list.stream().map(m -> m.path("id").asText()).toList()))
                    .as("message ids of %s", id).hasSize(list.size());
            List<String> users = list.stream().filter(m -> m.path("role").asText().equals("user"))
                    .map(m -> m.path("content").asText()).toList();
            assertThat(users).as("user messages of %s", id).doesNotHaveDuplicates();
            assertThat(sent).as("what the clients sent").containsAll(users);
        });
    }

    /**
     * Every assistant message answers a user message stored before it and not answered yet. One
     * stored as complete is a whole reply (a reply cut by the crash may be missing or stored as
     * incomplete, never as complete); an incomplete one is the start of a reply. Answers how many
     * user messages have no reply (turns the crash cut after their user message was stored).
     */
    int repliesFollowTheirUserMessages() {
        int unansweredInAll = 0;
        for (Map.Entry<String, List<JsonNode>> conversation : messages.entrySet()) {
            String id = conversation.getKey();
            List<JsonNode> list = conversation.getValue();
            Set<String> unanswered = new LinkedHashSet<>();
            for (JsonNode m : list) {
                String content = m.path("content").asText();
                String where = id + " at " + m.path("seq").asLong() + ": " + content;
                switch (m.path("role").asText()) {
                    case "user" -> unanswered.add(content);
                    case "assistant" -> {
                        String status = m.path("status").asText();
                        if (status.equals("complete")) {
                            Matcher whole = WHOLE_REPLY.matcher(content);
                            assertThat(whole.matches()).as("a complete reply is whole: %s", where).isTrue();
                            assertThat(unanswered.remove(whole.group(1)))
                                    .as("a reply follows its unanswered user message: %s", where).isTrue();
                        } else {
                            assertThat(status).as("status of %s", where).isEqualTo("incomplete");
                            String asked = unanswered.stream().filter(text -> startOfReplyTo(content, text))
                                    .findFirst().orElse(null);
                            assertThat(asked).as("an incomplete reply follows its user message: %s", where).isNotNull();
                            unanswered.remove(asked);
                        }
                    }
                    default -> throw new AssertionError("unexpected role: " + where);
                }
            }
            unansweredInAll += unanswered.size();
        }
        return unansweredInAll;
    }

    /**
     * Every acknowledged message is stored with the content, id and place the reply gave, as
     * complete, and each client's acknowledged turns are in the order it sent them. Answers how
     * many acknowledged messages were checked.
     */
    int keepAcknowledged(List<List<Turn>> acknowledged) {
        int checked = 0;
        for (List<Turn> client : acknowledged) {
            long last = 0;
            for (Turn turn : client) {
                List<JsonNode> list = messages.get(turn.conversation());
                JsonNode user = find(list, "user", turn.userId(), turn.text(), turn);
                JsonNode reply = find(list, "assistant", turn.replyId(), turn.reply(), turn);
                Matcher answer = WHOLE_REPLY.matcher(turn.reply());
                assertThat(answer.matches() ? answer.group(1) : null)
                        .as("the message the acknowledged reply quotes: %s", turn).isEqualTo(turn.text());
                if (turn.userSeq() != null) {
                    assertThat(user.path("seq").asLong()).as("place of %s", turn).isEqualTo(turn.userSeq());
                    assertThat(reply.path("seq").asLong()).as("place of the reply of %s", turn)
                            .isEqualTo(turn.replySeq());
                }
                assertThat(user.path("seq").asLong()).as("user message after the client's previous turn: %s", turn)
                        .isGreaterThan(last);
                assertThat(reply.path("seq").asLong()).as("reply after its user message: %s", turn)
                        .isGreaterThan(user.path("seq").asLong());
                last = reply.path("seq").asLong();
                checked += 2;
            }
        }
        return checked;
    }

    /** The acknowledged message: by the id the reply gave, else by its content; stored whole and complete. */
    private static JsonNode find(List<JsonNode> list, String role, String id, String content, Turn turn) {
        JsonNode found = list.stream()
                .filter(m -> id != null ? m.path("id").asText().equals(id)
                        : m.path("role").asText().equals(role) && m.path("content").asText().equals(content))
                .findFirst().orElse(null);
        assertThat(found).as("acknowledged %s message of %s", role, turn).isNotNull();
        assertThat(found.path("role").asText()).as("role of the %s message of %s", role, turn).isEqualTo(role);
        assertThat(found.path("content").asText()).as("the %s message of %s", role, turn).isEqualTo(content);
        assertThat(found.path("status").asText()).as("status of the %s message of %s", role, turn)
                .isEqualTo("complete");
        return found;
    }

    /** Whether {@code content} could be the start of the offline reply to {@code text}. */
    private static boolean startOfReplyTo(String content, String text) {
        String quoted = OFFLINE + text + "\"";
        return !content.isEmpty() && (quoted.startsWith(content) || content.startsWith(quoted));
    }
}
