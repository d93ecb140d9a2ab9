package dev.confab.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.ServerTests;
import dev.confab.common.Deleted;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaDraft;
import dev.confab.persona.PersonaService;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationFunctionsTests extends ServerTests {

    @Autowired
    Function<NewConversation, Conversation> createConversation;
    @Autowired
    Function<ConversationRef, Conversation> getConversation;
    @Autowired
    Function<ConversationQuery, ConversationPage> listConversations;
    @Autowired
    Function<ConversationChanges, Conversation> updateConversation;
    @Autowired
    Function<ConversationRemoval, Deleted> deleteConversation;
    @Autowired
    Function<MessageQuery, List<Message>> listMessages;
    @Autowired
    ConversationService conversations;
    @Autowired
    PersonaService personas;

    @Test
    void onePerPersonaGivesTheUserTheSameConversationBack() {
        Persona persona = personas.create(PersonaDraft.named(unique("inf")));
        String user = unique("u");
        Conversation first = createConversation.apply(new NewConversation(user, persona.name(), null, null, null, true));
        Conversation again = createConversation.apply(new NewConversation(user, persona.id(), null, null, null, true));
        Conversation other = createConversation.apply(new NewConversation(unique("u"), persona.id(), null, null, null, true));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.personaId()).isEqualTo(persona.id());
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void aUsersConversationsListNewestFirstFilteredByPersona() {
        String user = unique("u");
        Persona persona = personas.create(PersonaDraft.named(unique("p")));
        Conversation older = createConversation.apply(new NewConversation(user, null, "older", null, null, false));
        Conversation withPersona = createConversation.apply(new NewConversation(user, persona.id(), "p", null, null, false));
        conversations.append(older.id(), message("bump"));

        ConversationPage all = listConversations.apply(new ConversationQuery(user, null, 10, 0));
        assertThat(all.data()).extracting(Conversation::id).containsExactly(older.id(), withPersona.id());
        assertThat(all.data().get(0).lastMessage().content()).isEqualTo("bump");
        assertThat(listConversations.apply(new ConversationQuery(user, persona.id(), 10, 0)).data())
                .extracting(Conversation::id).containsExactly(withPersona.id());
        assertThat(listConversations.apply(new ConversationQuery(user, null, 1, 1)).data())
                .extracting(Conversation::id).containsExactly(withPersona.id());
    }

    @Test
    void updatesOverrideSettingsAndKeepWhatWasNotSent() {
        Conversation c = createConversation.apply(new NewConversation(unique("u"), null, "t", Map.of("a", 1),
                new ConversationSettings("gpt-4o", null, 0.5, null, null), false));
        Conversation updated = updateConversation.apply(new ConversationChanges(c.id(), "New Title", null,
                new ConversationSettings(null, "Talk like a pirate.", 1.1, null, 200)));

        assertThat(updated.title()).isEqualTo("New Title");
        assertThat(updated.metadata()).containsEntry("a", 1);
        assertThat(updated.settings()).isEqualTo(new ConversationSettings("gpt-4o", "Talk like a pirate.", 1.1, null, 200));
        assertThat(getConversation.apply(new ConversationRef(c.id())).settings()).isEqualTo(updated.settings());
    }

    @Test
    void messagesPageInOrderBothWays() {
        Conversation c = createConversation.apply(new NewConversation(unique("u"), null, null, null, null, false));
        for (int i = 1; i <= 5; i++) {
            conversations.append(c.id(), message("m" + i));
        }
        assertThat(listMessages.apply(new MessageQuery(c.id(), 2, 0, "asc"))).extracting(Message::content)
                .containsExactly("m1", "m2");
        assertThat(listMessages.apply(new MessageQuery(c.id(), 2, 1, "desc"))).extracting(Message::content)
                .containsExactly("m4", "m3");
        assertThat(getConversation.apply(new ConversationRef(c.id())).messageCount()).isEqualTo(5);
        assertThatThrownBy(() -> listMessages.apply(new MessageQuery(c.id(), 2, 0, "sideways")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.INVALID));
    }

    @Test
    void softDeleteHidesAndHardDeleteRemovesMessages() {
        Conversation soft = createConversation.apply(new NewConversation(unique("u"), null, null, null, null, false));
        Conversation hard = createConversation.apply(new NewConversation(unique("u"), null, null, null, null, false));
        conversations.append(hard.id(), message("bye"));

        deleteConversation.apply(new ConversationRemoval(soft.id(), null));
        deleteConversation.apply(new ConversationRemoval(hard.id(), false));

        assertThatThrownBy(() -> getConversation.apply(new ConversationRef(soft.id()))).isInstanceOf(Problem.class);
        assertThat(conversations.countMessages(hard.id())).isZero();
        assertThatThrownBy(() -> deleteConversation.apply(new ConversationRemoval(hard.id(), false)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    @Test
    void listingNeedsAUser() {
        assertThatThrownBy(() -> listConversations.apply(new ConversationQuery(null, null, null, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_user_id"));
    }

    static NewMessage message(String text) {
        return new NewMessage(Message.USER, text, null, "text", Message.COMPLETE, null, 1, 0, 0, BigDecimal.ZERO, null);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
