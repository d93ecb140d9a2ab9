package dev.confab.provider;

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
}
