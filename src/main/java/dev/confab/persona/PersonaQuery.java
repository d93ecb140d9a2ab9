package dev.confab.persona;

/** A page of personas, optionally only the active ones or one category. */
public record PersonaQuery(Integer limit, Integer offset, Boolean activeOnly, String category) {

    public static PersonaQuery all() {
        return new PersonaQuery(null, null, null, null);
    }
}
