package dev.confab.conversation;

/** What this conversation overrides of its persona: model, prompt and sampling. */
public record ConversationSettings(String model, String systemPrompt, Double temperature, Double topP,
        Integer maxTokens) {

    public static final ConversationSettings NONE = new ConversationSettings(null, null, null, null, null);

    /** These settings with the other's non-null fields laid over them. */
    public ConversationSettings merge(ConversationSettings other) {
        if (other == null) {
            return this;
        }
        return new ConversationSettings(
                other.model != null ? other.model : model,
                other.systemPrompt != null ? other.systemPrompt : systemPrompt,
                other.temperature != null ? other.temperature : temperature,
                other.topP != null ? other.topP : topP,
                other.maxTokens != null ? other.maxTokens : maxTokens);
    }
}
