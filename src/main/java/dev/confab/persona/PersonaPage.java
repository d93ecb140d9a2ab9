package dev.confab.persona;

import java.util.List;

public record PersonaPage(String object, List<Persona> data, long total, int limit, int offset, boolean hasMore) {

    static PersonaPage of(List<Persona> data, long total, int limit, int offset) {
        return new PersonaPage("list", data, total, limit, offset, offset + data.size() < total);
    }
}
