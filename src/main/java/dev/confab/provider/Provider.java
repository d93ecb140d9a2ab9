package dev.confab.provider;

import java.util.Arrays;

/** The model vendors Confab talks to through Spring AI. */
public enum Provider {
    OPENAI("openai"),
    GOOGLE("google"),
    OFFLINE("offline");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The provider a configuration names; a name that is none of them is a configuration error. */
    static Provider named(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown provider '" + id + "' in confab.providers: use "
                        + Arrays.stream(values()).map(Provider::id).toList()));
    }
}
