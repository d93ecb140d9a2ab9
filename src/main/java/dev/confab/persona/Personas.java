package dev.confab.persona;

import java.util.List;
import java.util.Optional;

/** Where personas live; one adapter per storage profile. */
public interface Personas {

    /** Stores a new persona; fails with a conflict when its name is taken. */
    Persona insert(Persona persona);

    /** Replaces a persona if its version is still {@code persona.version()}; returns the stored one. */
    Persona update(Persona persona);

    Optional<Persona> byId(String id);

    Optional<Persona> byName(String name);

    List<Persona> page(PersonaQuery query, int limit, int offset);

    long count(PersonaQuery query);

    boolean delete(String id);
}
