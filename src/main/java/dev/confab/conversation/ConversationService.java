package dev.confab.conversation;

import dev.confab.common.Deleted;
import dev.confab.common.Ids;
import dev.confab.common.Paging;
import dev.confab.common.Settings;
import dev.confab.persona.PersonaService;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class ConversationService {

    static final int MAX_TITLE = 500;
    /** As long as a user id may be where it is stored (conversations.user_id). */
    static final int MAX_USER_ID = 200;

    private final Conversations conversations;
    private final PersonaService personas;
    private final Clock clock;

    ConversationService(Conversations conversations, PersonaService personas, Clock clock) {
        this.conversations = conversations;
        this.personas = personas;
        this.clock = clock;
    }

    public Conversation create(NewConversation request) {
        Conversation fresh = draft(request);
        String personaId = fresh.personaId();
        boolean onePerPersona = Boolean.TRUE.equals(request.onePerPersona()) && request.userId() != null
                && personaId != null;
        if (onePerPersona) {
            var existing = conversations.byUserAndPersona(request.userId(), personaId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        try {
            return conversations.insert(fresh, onePerPersona);
        } catch (Problem conflict) {
            if (onePerPersona && conflict.kind() == ProblemKind.CONFLICT) {
                // Another request made the pair's conversation between our look and our insert.
                return conversations.byUserAndPersona(request.userId(), personaId).orElseThrow(() -> conflict);
            }
            throw conflict;
        }
    }

    /**
     * A new conversation, checked and made ready but not stored: a chat turn stores it with its
     * first messages ({@link #startWith}).
     */
    public Conversation draft(NewConversation request) {
        ConversationSettings settings = request.settings() == null ? ConversationSettings.NONE : request.settings();
        check(settings);
        if (request.title() != null && request.title().length() > MAX_TITLE) {
            throw Problem.invalid("title", "title must be at most " + MAX_TITLE + " characters");
        }
        if (request.userId() != null && request.userId().length() > MAX_USER_ID) {
            throw Problem.invalid("user_id", "user_id must be at most " + MAX_USER_ID + " characters");
        }
        String personaId = request.personaId() == null ? null : personas.get(request.personaId()).id();
        Instant now = clock.instant();
        return new Conversation(Ids.prefixed("conv"), request.userId(), personaId, request.title(), null,
                request.metadata() == null ? Map.of() : request.metadata(), settings, 0,
                Conversation.Totals.of(0, 0), BigDecimal.ZERO, false, 0, now, now, null);
    }

    /** Stores a drafted conversation with its first messages (see {@link Conversations#insertWith}). */
    public List<Message> startWith(Conversation fresh, List<NewMessage> messages) {
        return conversations.insertWith(fresh, messages);
    }

    /** A live conversation; soft-deleted ones are not found. */
    public Conversation get(String id) {
        if (id == null || id.isBlank()) {
            throw Problem.invalid("conversation_id", "conversation id is required");
        }
        return conversations.byId(id).filter(c -> !c.deleted())
                .orElseThrow(() -> Problem.notFound("conversation", id));
    }

    /** A live conversation that belongs to this user. */
    public Conversation getOwned(String id, String userId) {
        Conversation conversation = get(id);
        if (conversation.userId() != null && !conversation.userId().equals(userId)) {
            throw new Problem(ProblemKind.FORBIDDEN, "not_owner", "conversation '" + id + "' belongs to another user");
        }
        return conversation;
    }

    public ConversationPage list(ConversationQuery query) {
        Settings.requireText(query.userId(), "user_id", MAX_USER_ID);
        Paging paging = Paging.of(query.limit(), query.offset());
        return ConversationPage.of(conversations.page(query, paging.limit(), paging.offset()),
                conversations.count(query), paging.limit(), paging.offset());
    }

    public Conversation update(ConversationChanges changes) {
        Conversation c = get(changes.id());
        if (changes.title() != null && changes.title().length() > MAX_TITLE) {
            throw Problem.invalid("title", "title must be at most " + MAX_TITLE + " characters");
        }
        ConversationSettings settings = c.settings().merge(changes.settings());
        check(settings);
        return conversations.update(new Conversation(c.id(), c.userId(), c.personaId(),
                changes.title() != null ? changes.title() : c.title(), c.summary(),
                changes.metadata() != null ? changes.metadata() : c.metadata(), settings, c.messageCount(),
                c.usage(), c.totalCost(), false, c.version(), c.createdAt(), clock.instant(), null));
    }

    public Deleted delete(ConversationRemoval removal) {
        String id = removal.id();
        boolean soft = removal.soft() == null || removal.soft();
        boolean removed = soft ? conversations.softDelete(id) : conversations.delete(id);
        if (!removed) {
            throw Problem.notFound("conversation", id);
        }
        return new Deleted(id, "conversation", true);
    }

    public List<Message> messages(MessageQuery query) {
        Conversation c = get(query.id());
        Paging paging = Paging.of(query.limit(), query.offset());
        String order = query.order() == null ? "asc" : query.order().toLowerCase();
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Problem.invalid("order", "order must be 'asc' or 'desc'");
        }
        return conversations.messages(c.id(), paging.limit(), paging.offset(), order.equals("desc"));
    }

    public long countMessages(String conversationId) {
        return conversations.countMessages(conversationId);
    }

    public List<Message> history(String conversationId, int count) {
        return conversations.recent(conversationId, count);
    }

    public Message append(String conversationId, NewMessage message) {
        return conversations.append(conversationId, message);
    }

    /** The messages at consecutive places, all or none. */
    public List<Message> appendAll(String conversationId, List<NewMessage> messages) {
        return conversations.appendAll(conversationId, messages);
    }

    private static void check(ConversationSettings s) {
        Settings.check(s.temperature(), s.topP(), s.maxTokens());
        Settings.checkModel(s.model());
    }
}
