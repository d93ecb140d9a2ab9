package dev.confab.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.ServerTests;
import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationQuery;
import dev.confab.conversation.ConversationService;
import dev.confab.conversation.Message;
import dev.confab.conversation.MessageQuery;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.beans.factory.annotation.Autowired;

/** The chat function on the offline provider, called through apply(). */
class ChatFunctionTests extends ServerTests {

    @Autowired
    Function<ChatRequest, ChatReply> chat;
    @Autowired
    ConversationService conversations;
    @Autowired
    TokenCountEstimator tokens;
    @Autowired
    ObjectMapper mapper;

    @Test
    void aTurnWithoutConversationStartsOneAndStoresBothMessages() {
        ChatReply reply = chat.apply(ChatRequest.of(TextNode.valueOf("Plan a weekend in Lisbon"), "user-1", null, null, null));

        assertThat(reply.model()).isEqualTo("local-offline");
        assertThat(reply.outputText()).contains("not AI-generated").contains("Plan a weekend in Lisbon");
        assertThat(reply.title()).isEqualTo("Plan a weekend in Lisbon");
        assertThat(reply.messageCount()).isEqualTo(2);
        assertThat(reply.usage().outputTokens()).isEqualTo(tokens.estimate(reply.outputText()));
        assertThat(reply.usage().totalTokens()).isEqualTo(reply.usage().inputTokens() + reply.usage().outputTokens());
        assertThat(conversations.messages(new MessageQuery(reply.conversationId(), 10, 0, "asc")))
                .extracting(Message::role, Message::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user", "Plan a weekend in Lisbon"),
                        org.assertj.core.groups.Tuple.tuple("assistant", reply.outputText()));
    }

    @Test
    void laterTurnsSeeTheHistoryAndAddToTheRunningTotals() {
        ChatReply first = chat.apply(ChatRequest.of(TextNode.valueOf("one"), "user-2", null, null, null));
        ChatReply second = chat.apply(ChatRequest.of(TextNode.valueOf("two"), "user-2", first.conversationId(), null, null));

        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(second.outputText()).contains("message 2 of this conversation");
        assertThat(second.usage().inputTokens()).isGreaterThan(first.usage().inputTokens());
        Conversation c = conversations.get(first.conversationId());
        assertThat(c.messageCount()).isEqualTo(4);
        assertThat(c.usage().inputTokens()).isEqualTo(first.usage().inputTokens() + second.usage().inputTokens());
        assertThat(c.usage().outputTokens()).isEqualTo(first.usage().outputTokens() + second.usage().outputTokens());
        assertThat(c.title()).isEqualTo("one");
    }

    @Test
    void partsWithAnImageAreStoredAsSent() throws Exception {
        var parts = mapper.readTree("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]""");
        ChatReply reply = chat.apply(ChatRequest.of(parts, "user-3", null, null, null));

        assertThat(reply.outputText()).contains("with 1 attachment");
        assertThat(reply.userMessage().messageType()).isEqualTo("multimodal");
        Message stored = conversations.messages(new MessageQuery(reply.conversationId(), 1, 0, "asc")).get(0);
        assertThat(stored.parts()).isEqualTo(parts);
        assertThat(stored.content()).isEqualTo("What is this?");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsStored() {
        String user = "refused-" + java.util.UUID.randomUUID();
        assertThat(kind(ChatRequest.of(TextNode.valueOf(" "), user, null, null, null))).isEqualTo(ProblemKind.INVALID);
        assertThat(kind(ChatRequest.of(null, user, null, null, null))).isEqualTo(ProblemKind.INVALID);
        assertThat(kind(ChatRequest.of(TextNode.valueOf("hi"), user, null, "claude-9", null)))
                .isEqualTo(ProblemKind.INVALID);
        assertThat(kind(ChatRequest.of(TextNode.valueOf("hi"), user, "conv_missing", null, null)))
                .isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(kind(ChatRequest.of(TextNode.valueOf("x".repeat(20_001)), user, null, null, null)))
                .isEqualTo(ProblemKind.INVALID);
        // not even an empty conversation: an unknown model used to be found only after one was started
        assertThat(conversations.list(new ConversationQuery(user, null, 10, 0)).total()).isZero();
    }

    @Test
    void imagesMustBeWebOrDataUrlsNeverLocalFiles() throws Exception {
        var parts = mapper.readTree("""
                [{"type":"image_url","image_url":{"url":"file:///etc/passwd"}}]""");
        assertThat(kind(ChatRequest.of(parts, "u", null, null, null))).isEqualTo(ProblemKind.INVALID);
    }

    @Test
    void anotherUsersConversationIsForbidden() {
        ChatReply mine = chat.apply(ChatRequest.of(TextNode.valueOf("mine"), "owner", null, null, null));
        assertThat(kind(ChatRequest.of(TextNode.valueOf("hi"), "intruder", mine.conversationId(), null, null)))
                .isEqualTo(ProblemKind.FORBIDDEN);
    }

    private ProblemKind kind(ChatRequest request) {
        try {
            chat.apply(request);
        } catch (Problem p) {
            return p.kind();
        }
        throw new AssertionError("expected a problem for " + request);
    }
}
