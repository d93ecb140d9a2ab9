package dev.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.conversation.Conversation;
import dev.confab.conversation.ConversationQuery;
import dev.confab.conversation.ConversationSettings;
import dev.confab.conversation.Conversations;
import dev.confab.conversation.Message;
import dev.confab.conversation.NewMessage;
import dev.confab.persona.Persona;
import dev.confab.persona.PersonaQuery;
import dev.confab.persona.Personas;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every storage adapter must do, run against each one with its real server: the embedded
 * store, PostgreSQL, DynamoDB Local. Subclasses only pick the profile.
 */
public abstract class StorageContract {

    @Autowired
    protected Personas personas;
    @Autowired
    protected Conversations conversations;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    // --- personas ---

    @Test
    void aPersonaIsFoundByIdAndByNameAsStored() {
        Persona stored = personas.insert(persona(unique("p"), "retail", true));
        assertThat(personas.byId(stored.id())).contains(stored);
        assertThat(personas.byName(stored.name())).contains(stored);
        assertThat(personas.byId("missing-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTakenNameIsAConflict() {
        Persona first = personas.insert(persona(unique("p"), null, true));
        assertThatThrownBy(() -> personas.insert(persona(first.name(), null, true)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
    }

    @Test
    void anUpdateFromAStaleVersionIsAConflict() {
        Persona stored = personas.insert(persona(unique("p"), null, true));
        Persona updated = personas.update(stored.withVersion(stored.version()));
        assertThat(updated.version()).isEqualTo(stored.version() + 1);
        assertThat(personas.byId(stored.id()).orElseThrow().version()).isEqualTo(updated.version());
        assertThatThrownBy(() -> personas.update(stored))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
    }

    @Test
    void aRenameFreesTheOldNameAndCannotTakeAnotherPersonasName() {
        Persona first = personas.insert(persona(unique("p"), null, true));
        Persona other = personas.insert(persona(unique("p"), null, true));
        Persona renamed = personas.update(renamed(first, unique("renamed")));
        assertThat(personas.byName(renamed.name())).map(Persona::id).contains(first.id());
        assertThat(personas.byName(first.name())).isEmpty();
        personas.insert(persona(first.name(), null, true));
        assertThatThrownBy(() -> personas.update(renamed(renamed, other.name())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
        assertThat(personas.byName(renamed.name())).map(Persona::id).contains(first.id());
        assertThat(personas.byName(other.name())).map(Persona::id).contains(other.id());
    }

    @Test
    void personasPageByCategoryAndActivity() {
        String category = unique("cat");
        personas.insert(persona(unique("a"), category, true));
        personas.insert(persona(unique("b"), category, false));
        personas.insert(persona(unique("c"), category, true));
        PersonaQuery active = new PersonaQuery(null, null, true, category);
        assertThat(personas.count(active)).isEqualTo(2);
        assertThat(personas.count(new PersonaQuery(null, null, false, category))).isEqualTo(3);
        List<Persona> first = personas.page(active, 1, 0);
        List<Persona> second = personas.page(active, 1, 1);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(first.get(0).id()).isNotEqualTo(second.get(0).id());
    }

    @Test
    void aDeletedPersonaIsGone() {
        Persona stored = personas.insert(persona(unique("p"), null, true));
        assertThat(personas.delete(stored.id())).isTrue();
        assertThat(personas.byId(stored.id())).isEmpty();
        assertThat(personas.byName(stored.name())).isEmpty();
        assertThat(personas.delete(stored.id())).isFalse();
    }

    // --- conversations ---

    @Test
    void aConversationIsStoredAndOnePerUserAndPersonaIsEnforced() {
        String user = unique("u");
        Conversation first = conversations.insert(conversation(user, "persona-1"), true);
        assertThat(conversations.byId(first.id())).hasValueSatisfying(c -> {
            assertThat(c.userId()).isEqualTo(user);
            assertThat(c.settings()).isEqualTo(first.settings());
            assertThat(c.metadata()).isEqualTo(first.metadata());
        });
        assertThat(conversations.byUserAndPersona(user, "persona-1")).map(Conversation::id).contains(first.id());
        assertThatThrownBy(() -> conversations.insert(conversation(user, "persona-1"), true))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
        conversations.insert(conversation(user, "persona-1"), false);
    }

    @Test
    void aUsersConversationsPageNewestActivityFirstWithTheirLastMessage() {
        String user = unique("u");
        Conversation a = conversations.insert(conversation(user, "p-a"), false);
        Conversation b = conversations.insert(conversation(user, "p-b"), false);
        conversations.append(a.id(), message("latest in a"));

        List<Conversation> page = conversations.page(new ConversationQuery(user, null, 10, 0), 10, 0);
        assertThat(page).extracting(Conversation::id).containsExactly(a.id(), b.id());
        assertThat(page.get(0).lastMessage().content()).isEqualTo("latest in a");
        assertThat(conversations.count(new ConversationQuery(user, null, null, null))).isEqualTo(2);
        assertThat(conversations.page(new ConversationQuery(user, "p-b", null, null), 10, 0))
                .extracting(Conversation::id).containsExactly(b.id());
        assertThat(conversations.page(new ConversationQuery(user, null, null, null), 1, 1))
                .extracting(Conversation::id).containsExactly(b.id());
    }

    @Test
    void conversationUpdatesAreGuardedByVersion() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        Conversation renamed = conversations.update(new Conversation(c.id(), c.userId(), c.personaId(), "Renamed",
                null, Map.of("k", "v"), new ConversationSettings("gpt-4o", "Be kind.", 0.2, null, 64), 0,
                c.usage(), c.totalCost(), false, c.version(), c.createdAt(), now.plusSeconds(1), null));
        assertThat(renamed.title()).isEqualTo("Renamed");
        assertThat(renamed.settings().systemPrompt()).isEqualTo("Be kind.");
        assertThat(renamed.version()).isGreaterThan(c.version());
        assertThatThrownBy(() -> conversations.update(c))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
    }

    @Test
    void softDeleteHidesAndHardDeleteRemovesTheMessages() {
        String user = unique("u");
        Conversation soft = conversations.insert(conversation(user, "p"), true);
        Conversation hard = conversations.insert(conversation(user, null), false);
        conversations.append(hard.id(), message("gone soon"));

        assertThat(conversations.softDelete(soft.id())).isTrue();
        assertThat(conversations.byId(soft.id())).hasValueSatisfying(c -> assertThat(c.deleted()).isTrue());
        assertThat(conversations.byUserAndPersona(user, "p")).isEmpty();
        assertThat(conversations.count(new ConversationQuery(user, null, null, null))).isEqualTo(1);

        assertThat(conversations.delete(hard.id())).isTrue();
        assertThat(conversations.byId(hard.id())).isEmpty();
        assertThat(conversations.countMessages(hard.id())).isZero();
        assertThat(conversations.delete(hard.id())).isFalse();
    }

    @Test
    void deletingTheOneConversationWithAPersonaLetsTheUserStartAnother() {
        String user = unique("u");
        Conversation soft = conversations.insert(conversation(user, "p"), true);
        conversations.softDelete(soft.id());
        Conversation next = conversations.insert(conversation(user, "p"), true);
        assertThat(conversations.byUserAndPersona(user, "p")).map(Conversation::id).contains(next.id());
        assertThat(conversations.delete(next.id())).isTrue();
        Conversation third = conversations.insert(conversation(user, "p"), true);
        assertThat(conversations.byUserAndPersona(user, "p")).map(Conversation::id).contains(third.id());
    }

    @Test
    void appendedMessagesKeepTheirOrderAndAddUpTheTotals() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        for (int i = 1; i <= 5; i++) {
            conversations.append(c.id(), new NewMessage(i % 2 == 1 ? Message.USER : Message.ASSISTANT, "m" + i, null,
                    "text", Message.COMPLETE, null, i, 10, 5, new BigDecimal("0.001"), i == 1 ? "First" : "Later"));
        }
        assertThat(conversations.messages(c.id(), 2, 0, false)).extracting(Message::content).containsExactly("m1", "m2");
        assertThat(conversations.messages(c.id(), 2, 1, true)).extracting(Message::content).containsExactly("m4", "m3");
        assertThat(conversations.recent(c.id(), 3)).extracting(Message::content).containsExactly("m3", "m4", "m5");
        assertThat(conversations.countMessages(c.id())).isEqualTo(5);

        Conversation after = conversations.byId(c.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(5);
        assertThat(after.usage()).isEqualTo(Conversation.Totals.of(50, 25));
        assertThat(after.totalCost()).isEqualByComparingTo("0.005");
        assertThat(after.title()).isEqualTo("First");
    }

    @Test
    void appendingToAMissingOrDeletedConversationIsNotFound() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        conversations.softDelete(c.id());
        assertThatThrownBy(() -> conversations.append(c.id(), message("late")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        assertThatThrownBy(() -> conversations.append("conv_missing", message("lost")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    @Test
    void fiftyConcurrentWritersLoseNoMessageAndKeepOneOrder() throws Exception {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        int writers = 50;
        allAtOnce(writers, i -> conversations.append(c.id(), message("writer-" + i)));
        List<Message> stored = conversations.messages(c.id(), 100, 0, false);
        assertThat(stored).hasSize(writers);
        assertThat(stored).extracting(Message::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, writers).boxed().toList());
        assertThat(stored).extracting(Message::content).doesNotHaveDuplicates();
        assertThat(conversations.byId(c.id()).orElseThrow().messageCount()).isEqualTo(writers);
    }

    @Test
    void aTurnsMessagesGoInTogetherAtConsecutivePlacesAndAddUpTheTotals() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        conversations.append(c.id(), message("before"));
        List<Message> turn = conversations.appendAll(c.id(), List.of(
                new NewMessage(Message.USER, "question", null, "text", Message.COMPLETE, null, 3, 0, 0, BigDecimal.ZERO,
                        "Question"),
                new NewMessage(Message.ASSISTANT, "answer", null, "text", Message.COMPLETE, "gpt-4o", 4, 10, 4,
                        new BigDecimal("0.002"), null)));

        assertThat(turn).extracting(Message::seq).containsExactly(2L, 3L);
        assertThat(turn).extracting(Message::id).doesNotHaveDuplicates();
        assertThat(conversations.recent(c.id(), 3)).extracting(Message::content, Message::seq).containsExactly(
                org.assertj.core.groups.Tuple.tuple("before", 1L), org.assertj.core.groups.Tuple.tuple("question", 2L),
                org.assertj.core.groups.Tuple.tuple("answer", 3L));
        Conversation after = conversations.byId(c.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(3);
        assertThat(after.usage()).isEqualTo(Conversation.Totals.of(10, 4));
        assertThat(after.totalCost()).isEqualByComparingTo("0.002");
        assertThat(after.title()).isEqualTo("Question");
    }

    @Test
    void aTurnThatCannotBeStoredWhollyIsNotStoredAtAll() {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        assertThatThrownBy(() -> conversations.appendAll(c.id(), List.of(message("question"), unstorable())));

        assertThat(conversations.countMessages(c.id())).isZero();
        assertThat(conversations.byId(c.id()).orElseThrow().messageCount()).isZero();
        assertThat(conversations.append(c.id(), message("next")).seq()).isEqualTo(1);
    }

    @Test
    void concurrentTurnsEachKeepTheirTwoMessagesSideBySide() throws Exception {
        Conversation c = conversations.insert(conversation(unique("u"), null), false);
        int turns = 20;
        allAtOnce(turns, i -> conversations.appendAll(c.id(), List.of(message("turn-" + i + "?"),
                message("turn-" + i + "!"))));
        List<Message> stored = conversations.messages(c.id(), 100, 0, false);
        assertThat(stored).extracting(Message::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 2L * turns).boxed().toList());
        for (int i = 0; i < stored.size(); i += 2) {
            String question = stored.get(i).content();
            assertThat(question).endsWith("?");
            assertThat(stored.get(i + 1).content()).isEqualTo(question.replace('?', '!'));
        }
    }

    @Test
    void aNewConversationIsStoredWithItsFirstMessages() {
        Conversation c = conversation(unique("u"), null);
        List<Message> first = conversations.insertWith(c, List.of(message("hello"), message("hi there")));

        assertThat(first).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(conversations.byId(c.id()).orElseThrow().messageCount()).isEqualTo(2);
        assertThat(conversations.recent(c.id(), 5)).extracting(Message::content).containsExactly("hello", "hi there");
        assertThat(conversations.append(c.id(), message("later")).seq()).isEqualTo(3);
    }

    @Test
    void aNewConversationWhoseFirstMessagesCannotBeStored() {
        Conversation c = conversation(unique("u"), null);
        assertThatThrownBy(() -> conversations.insertWith(c, List.of(message("hello"), unstorable())));

        assertThat(conversations.byId(c.id())).as("all stored or nothing").isEmpty();
    }

    /** A message this store refuses (too long for a column, too big for an item). */
    protected NewMessage unstorable() {
        return new NewMessage(Message.ASSISTANT, "answer", null, "text", Message.COMPLETE, "m".repeat(500), 1, 0, 0,
                BigDecimal.ZERO, null);
    }

    protected Persona persona(String name, String category, boolean active) {
        return new Persona(UUID.randomUUID().toString(), name, "Display " + name, "about", category, null,
                "You are " + name + ".", "gpt-4o", 0.5, null, null, "Hi", Map.of("founded", "2001"), null, null,
                active, false, Map.of(), 0, now, now);
    }

    protected Persona renamed(Persona p, String name) {
        return new Persona(p.id(), name, p.displayName(), p.description(), p.category(), p.avatarUrl(),
                p.systemPrompt(), p.model(), p.temperature(), p.topP(), p.maxTokens(), p.welcomeMessage(),
                p.companyInfo(), p.appearance(), p.personalityTraits(), p.active(), p.shareable(), p.metadata(),
                p.version(), p.createdAt(), now);
    }

    protected Conversation conversation(String user, String persona) {
        return new Conversation("conv_" + UUID.randomUUID().toString().replace("-", ""), user, persona, null, null,
                Map.of("source", "test"), new ConversationSettings("gpt-4o", null, 0.7, null, null), 0,
                Conversation.Totals.of(0, 0), BigDecimal.ZERO, false, 0, now, now, null);
    }

    protected static NewMessage message(String text) {
        return new NewMessage(Message.USER, text, null, "text", Message.COMPLETE, null, 1, 0, 0, BigDecimal.ZERO, null);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs n writes on n threads, all let go at once, and waits for every one (rethrowing a failure). */
    static void allAtOnce(int n, IntFunction<Object> write) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    go.await();
                    return write.apply(index);
                }));
            }
            go.countDown();
            for (Future<Object> f : running) {
                f.get();
            }
        }
    }
}
