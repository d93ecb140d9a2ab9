package dev.confab.system;

import java.util.Map;

/** Whether Confab can serve: storage reachable, which providers are configured. */
public record Health(String status, Map<String, Object> storage, Map<String, String> providers, String defaultModel,
        String version) {
}
