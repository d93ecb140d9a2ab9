package dev.confab.persona;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The fields a caller sets on create or update. On update, {@code id} names the persona (its id
 * or its name) and every null field is left as it was.
 */
public record PersonaDraft(
        String id,
        String name,
        String displayName,
        String description,
        String category,
        String avatarUrl,
        String systemPrompt,
        String model,
        Double temperature,
        Double topP,
        Integer maxTokens,
        String welcomeMessage,
        Map<String, Object> companyInfo,
        Map<String, Object> appearance,
        JsonNode personalityTraits,
        Boolean active,
        Boolean shareable,
        Map<String, Object> metadata) {

    public static PersonaDraft named(String name) {
        return new PersonaDraft(null, name, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public PersonaDraft withSystemPrompt(String prompt) {
        return new PersonaDraft(id, name, displayName, description, category, avatarUrl, prompt, model,
                temperature, topP, maxTokens, welcomeMessage, companyInfo, appearance, personalityTraits,
                active, shareable, metadata);
    }

    public PersonaDraft withId(String newId) {
        return new PersonaDraft(newId, name, displayName, description, category, avatarUrl, systemPrompt, model,
                temperature, topP, maxTokens, welcomeMessage, companyInfo, appearance, personalityTraits,
                active, shareable, metadata);
    }
}
