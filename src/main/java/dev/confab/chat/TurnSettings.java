package dev.confab.chat;

import dev.confab.conversation.ConversationSettings;
import dev.confab.persona.Persona;

/**
 * What one turn runs with. Each layer overrides the one before: persona, then the
 * conversation's own settings, then the request; request instructions add to the system prompt.
 */
record TurnSettings(String model, String systemPrompt, Double temperature, Double topP, Integer maxTokens) {

    static TurnSettings resolve(Persona persona, ConversationSettings conversation, ChatRequest request) {
        ConversationSettings base = persona == null ? ConversationSettings.NONE
                : new ConversationSettings(persona.model(), persona.systemPrompt(), persona.temperature(),
                        persona.topP(), persona.maxTokens());
        ConversationSettings s = base.merge(conversation).merge(new ConversationSettings(request.model(), null,
                request.temperature(), request.topP(), request.maxTokens()));
        String prompt = s.systemPrompt();
        if (request.instructions() != null && !request.instructions().isBlank()) {
            prompt = prompt == null || prompt.isBlank() ? request.instructions()
                    : prompt + "\n\n" + request.instructions();
        }
        return new TurnSettings(s.model(), prompt, s.temperature(), s.topP(), s.maxTokens());
    }

    TurnSettings withModel(String actual) {
        return new TurnSettings(actual, systemPrompt, temperature, topP, maxTokens);
    }
}
