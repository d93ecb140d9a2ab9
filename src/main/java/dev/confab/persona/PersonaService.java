package dev.confab.persona;

import dev.confab.common.Deleted;
import dev.confab.common.Ids;
import dev.confab.common.Paging;
import dev.confab.common.Settings;
import dev.confab.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class PersonaService {

    static final int MAX_NAME = 200;
    static final int MAX_PROMPT = 100_000;
    /** As long as an id and a category may be where they are stored (personas.id, personas.category). */
    static final int MAX_ID = 64;
    static final int MAX_CATEGORY = 200;

    private final Personas personas;
    private final Clock clock;

    PersonaService(Personas personas, Clock clock) {
        this.personas = personas;
        this.clock = clock;
    }

    public Persona create(PersonaDraft draft) {
        Settings.requireText(draft.name(), "name", MAX_NAME);
        check(draft);
        Instant now = clock.instant();
        if (draft.id() != null && draft.id().length() > MAX_ID) {
            throw Problem.invalid("id", "id must be at most " + MAX_ID + " characters");
        }
        String id = draft.id() != null && !draft.id().isBlank() ? draft.id() : Ids.uuid();
        Persona blank = new Persona(id, draft.name(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, true, false, null, 0, now, now);
        return personas.insert(blank.with(draft.withId(id), now));
    }

    /** Finds a persona by id, falling back to its unique name. */
    public Optional<Persona> find(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        return personas.byId(idOrName).or(() -> personas.byName(idOrName));
    }

    public Persona get(String idOrName) {
        return find(idOrName).orElseThrow(() -> Problem.notFound("persona", String.valueOf(idOrName)));
    }

    public PersonaPage list(PersonaQuery query) {
        Paging paging = Paging.of(query.limit(), query.offset());
        return PersonaPage.of(personas.page(query, paging.limit(), paging.offset()), personas.count(query),
                paging.limit(), paging.offset());
    }

    public Persona update(PersonaDraft changes) {
        check(changes);
        if (changes.name() != null) {
            Settings.requireText(changes.name(), "name", MAX_NAME);
        }
        Persona current = get(changes.id());
        return personas.update(current.with(changes.withId(current.id()), clock.instant()));
    }

    /** Creates the persona or, when one with that name exists, updates it. */
    public Persona save(PersonaDraft draft) {
        return personas.byName(draft.name())
                .map(existing -> update(draft.withId(existing.id())))
                .orElseGet(() -> create(draft));
    }

    public Deleted delete(String idOrName) {
        Persona persona = get(idOrName);
        personas.delete(persona.id());
        return new Deleted(persona.id(), "persona", true);
    }

    private static void check(PersonaDraft d) {
        Settings.check(d.temperature(), d.topP(), d.maxTokens());
        Settings.checkModel(d.model());
        if (d.systemPrompt() != null && d.systemPrompt().length() > MAX_PROMPT) {
            throw Problem.invalid("system_prompt", "system_prompt must be at most " + MAX_PROMPT + " characters");
        }
        if (d.category() != null && d.category().length() > MAX_CATEGORY) {
            throw Problem.invalid("category", "category must be at most " + MAX_CATEGORY + " characters");
        }
    }
}
