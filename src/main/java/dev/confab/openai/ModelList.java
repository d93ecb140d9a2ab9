package dev.confab.openai;

import java.util.List;

/** OpenAI's model list: the provider models Confab knows, and every active persona. */
public record ModelList(String object, List<Model> data) {

    public record Model(String id, String object, long created, String ownedBy) {
    }
}
