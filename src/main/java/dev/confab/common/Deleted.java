package dev.confab.common;

/** The answer to a delete: what was removed. */
public record Deleted(String id, String object, boolean deleted) {
}
