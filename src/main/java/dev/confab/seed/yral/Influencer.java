package dev.confab.seed.yral;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.persona.Persona;
import java.time.Instant;

/** Seed 002's AI influencer: the public face of a persona. */
public record Influencer(String id, String name, String displayName, String avatarUrl, String description,
        String category, JsonNode personalityTraits, boolean isActive, Instant createdAt) {

    static Influencer of(Persona p) {
        return new Influencer(p.id(), p.name(), p.displayName(), p.avatarUrl(), p.description(), p.category(),
                p.personalityTraits(), p.active(), p.createdAt());
    }
}
