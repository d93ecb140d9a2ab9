package dev.confab.seed.aimaker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Seed 001's shareable chat configuration, in its camelCase JSON; kept as a persona. */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ChatConfig(String chatConfigId, String model, String systemPrompt, Double temperature, String title) {
}
