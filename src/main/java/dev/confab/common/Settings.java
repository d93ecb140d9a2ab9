package dev.confab.common;

import dev.confab.problem.Problem;

/** Range checks for the sampling settings that personas, conversations and requests share. */
public final class Settings {

    private Settings() {
    }

    public static void check(Double temperature, Double topP, Integer maxTokens) {
        if (temperature != null && (temperature < 0 || temperature > 2 || temperature.isNaN())) {
            throw Problem.invalid("temperature", "temperature must be between 0 and 2");
        }
        if (topP != null && (topP < 0 || topP > 1 || topP.isNaN())) {
            throw Problem.invalid("top_p", "top_p must be between 0 and 1");
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > 1_000_000)) {
            throw Problem.invalid("max_tokens", "max_tokens must be between 1 and 1000000");
        }
    }

    /** As long as a model id may be where a reply's model is stored (messages.model). */
    public static final int MAX_MODEL = 200;

    public static void checkModel(String model) {
        if (model != null && model.length() > MAX_MODEL) {
            throw Problem.invalid("model", "model must be at most " + MAX_MODEL + " characters");
        }
    }

    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required");
        }
        if (value.length() > maxLength) {
            throw Problem.invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
