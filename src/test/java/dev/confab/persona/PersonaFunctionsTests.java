package dev.confab.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.ServerTests;
import dev.confab.common.Deleted;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PersonaFunctionsTests extends ServerTests {

    @Autowired
    Function<PersonaDraft, Persona> createPersona;
    @Autowired
    Function<PersonaRef, Persona> getPersona;
    @Autowired
    Function<PersonaQuery, PersonaPage> listPersonas;
    @Autowired
    Function<PersonaDraft, Persona> updatePersona;
    @Autowired
    Function<PersonaRef, Deleted> deletePersona;

    @Test
    void aCreatedPersonaIsFoundByIdAndByNameWithEveryField() {
        String name = unique("brand");
        Persona created = createPersona.apply(new PersonaDraft(null, name, "TechCorp Solutions", "Enterprise IT",
                "retail", "https://x/a.png", "You sell laptops.", "gpt-4o", 0.4, 0.9, 500, "Welcome!",
                Map.of("founded", "2001"), Map.of("primary_color", "#0066cc"), null, null, true, Map.of("k", "v")));

        assertThat(created.id()).isNotBlank();
        assertThat(created.active()).isTrue();
        assertThat(getPersona.apply(new PersonaRef(created.id()))).isEqualTo(created);
        Persona byName = getPersona.apply(new PersonaRef(name));
        assertThat(byName.companyInfo()).containsEntry("founded", "2001");
        assertThat(byName.appearance()).containsEntry("primary_color", "#0066cc");
        assertThat(byName.temperature()).isEqualTo(0.4);
        assertThat(byName.shareable()).isTrue();
    }

    @Test
    void anUpdateChangesOnlyTheFieldsSentAndBumpsTheVersion() {
        Persona created = createPersona.apply(PersonaDraft.named(unique("p")).withSystemPrompt("Be brief."));
        Persona updated = updatePersona.apply(new PersonaDraft(created.id(), null, "Brief Bot", null, null, null, null,
                null, 1.2, null, null, null, null, null, null, false, null, null));

        assertThat(updated.displayName()).isEqualTo("Brief Bot");
        assertThat(updated.systemPrompt()).isEqualTo("Be brief.");
        assertThat(updated.temperature()).isEqualTo(1.2);
        assertThat(updated.active()).isFalse();
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(getPersona.apply(new PersonaRef(created.id()))).isEqualTo(updated);
    }

    @Test
    void aSecondPersonaWithATakenNameIsAConflict() {
        String name = unique("dup");
        createPersona.apply(PersonaDraft.named(name));
        assertThatThrownBy(() -> createPersona.apply(PersonaDraft.named(name)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT));
    }

    @Test
    void settingsOutOfRangeAndMissingNamesAreRefused() {
        assertThatThrownBy(() -> createPersona.apply(PersonaDraft.named(" ")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.INVALID));
        assertThatThrownBy(() -> createPersona.apply(new PersonaDraft(null, unique("t"), null, null, null, null, null,
                null, 3.0, null, null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_temperature"));
    }

    @Test
    void listingPagesThroughActivePersonasOfACategory() {
        String category = unique("cat");
        for (int i = 0; i < 3; i++) {
            createPersona.apply(new PersonaDraft(null, unique("c" + i), null, null, category, null, null, null, null,
                    null, null, null, null, null, null, i != 1, null, null));
        }
        PersonaPage first = listPersonas.apply(new PersonaQuery(1, 0, true, category));
        PersonaPage second = listPersonas.apply(new PersonaQuery(1, 1, true, category));

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(first.data().get(0).id()).isNotEqualTo(second.data().get(0).id());
        assertThat(listPersonas.apply(new PersonaQuery(10, 0, false, category)).total()).isEqualTo(3);
    }

    @Test
    void aDeletedPersonaIsGone() {
        Persona created = createPersona.apply(PersonaDraft.named(unique("gone")));
        assertThat(deletePersona.apply(new PersonaRef(created.name())).deleted()).isTrue();
        assertThatThrownBy(() -> getPersona.apply(new PersonaRef(created.id())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
