package dev.confab.common;

import java.util.UUID;

/** Identifiers: a readable prefix and a random UUID, as the OpenAI-style seeds show them. */
public final class Ids {

    private Ids() {
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static String prefixed(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
