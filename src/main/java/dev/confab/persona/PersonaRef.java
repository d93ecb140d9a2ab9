package dev.confab.persona;

/** Names one persona by its id or by its unique name. */
public record PersonaRef(String id) {
}
