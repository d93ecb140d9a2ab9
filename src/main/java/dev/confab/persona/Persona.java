package dev.confab.persona;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One concept for what the seeds call system prompts (000), chat configs (001), influencers (002)
 * and brands (004): who the assistant is and how it talks.
 */
public record Persona(
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
        boolean active,
        boolean shareable,
        Map<String, Object> metadata,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Persona {
        // JSON null reads back as a NullNode; keep "no traits" as one value
        personalityTraits = personalityTraits == null || personalityTraits.isNull() ? null : personalityTraits;
    }

    public Persona withVersion(long next) {
        return new Persona(id, name, displayName, description, category, avatarUrl, systemPrompt, model, temperature,
                topP, maxTokens, welcomeMessage, companyInfo, appearance, personalityTraits, active, shareable,
                metadata, next, createdAt, updatedAt);
    }

    /** This persona with the draft's non-null fields laid over it. */
    Persona with(PersonaDraft d, Instant now) {
        return new Persona(id,
                d.name() != null ? d.name() : name,
                d.displayName() != null ? d.displayName() : displayName,
                d.description() != null ? d.description() : description,
                d.category() != null ? d.category() : category,
                d.avatarUrl() != null ? d.avatarUrl() : avatarUrl,
                d.systemPrompt() != null ? d.systemPrompt() : systemPrompt,
                d.model() != null ? d.model() : model,
                d.temperature() != null ? d.temperature() : temperature,
                d.topP() != null ? d.topP() : topP,
                d.maxTokens() != null ? d.maxTokens() : maxTokens,
                d.welcomeMessage() != null ? d.welcomeMessage() : welcomeMessage,
                d.companyInfo() != null ? d.companyInfo() : companyInfo,
                d.appearance() != null ? d.appearance() : appearance,
                d.personalityTraits() != null ? d.personalityTraits() : personalityTraits,
                d.active() != null ? d.active() : active,
                d.shareable() != null ? d.shareable() : shareable,
                d.metadata() != null ? d.metadata() : metadata,
                version, createdAt, now);
    }
}
