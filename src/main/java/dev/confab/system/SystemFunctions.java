package dev.confab.system;

import dev.confab.chat.ChatSettings;
import dev.confab.chat.PriceTable;
import dev.confab.door.Catalog;
import dev.confab.door.DoorSettings;
import dev.confab.provider.ChatModels;
import dev.confab.provider.Provider;
import dev.confab.provider.ProviderGuards;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health, configuration and API information, as suppliers. */
@Configuration(proxyBeanMethods = false)
class SystemFunctions {

    static final String VERSION = "0.1.0";

    @Bean
    Supplier<Health> health(StorageProbe storage, ChatModels models, ProviderGuards guards) {
        return () -> {
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("type", storage.name());
            boolean up;
            try {
                storage.ping();
                up = true;
            } catch (RuntimeException e) {
                up = false;
                store.put("error", e.getClass().getSimpleName());
            }
            store.put("status", up ? "up" : "down");
            Map<String, String> providers = new LinkedHashMap<>();
            for (Provider p : Provider.values()) {
                String circuit = guards.circuitState(p);
                // a provider that keeps failing is skipped for a while: say so
                providers.put(p.id(), !models.configured(p) ? "not_configured"
                        : "closed".equals(circuit) ? "configured" : "circuit_" + circuit);
            }
            return new Health(up ? "healthy" : "unhealthy", store, providers, models.defaultModel(), VERSION);
        };
    }

    @Bean
    Supplier<Map<String, Object>> config(ChatModels models, ChatSettings chat, PriceTable prices, DoorSettings http) {
        return () -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("model", models.defaultModel());
            List<String> configured = new ArrayList<>();
            for (Provider p : Provider.values()) {
                if (models.configured(p)) {
                    configured.add(p.id());
                }
            }
            config.put("providers", configured);
            config.put("max_input_length", chat.maxInputChars());
            config.put("max_images_per_message", chat.maxImages());
            config.put("max_body_bytes", http.maxBody().toBytes());
            config.put("context_management", Map.of("mode", "full", "history_messages", chat.historyMessages()));
            config.put("pricing", prices.pricing());
            return config;
        };
    }

    @Bean
    Supplier<Map<String, Object>> info(Catalog catalog) {
        return () -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", "Confab");
            info.put("version", VERSION);
            info.put("description", "Provider-agnostic AI chat backend: every capability a function");
            List<String> routes = new ArrayList<>();
            catalog.routes().forEach(r -> routes.add(r.method() + " " + r.path().getPatternString()));
            info.put("routes", routes);
            info.put("functions", catalog.functions().keySet());
            return info;
        };
    }
}
