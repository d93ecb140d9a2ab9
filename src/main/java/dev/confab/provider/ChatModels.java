package dev.confab.provider;

import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The chat models that are configured, and the rule that picks one by model id. Owns the models'
 * connections (HTTP clients and their threads), closed with the application.
 */
public class ChatModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatModels.class);

    private final Map<Provider, ChatModel> models;
    private final ProviderSettings settings;
    private final List<AutoCloseable> connections;

    public ChatModels(Map<Provider, ChatModel> models, ProviderSettings settings, List<AutoCloseable> connections) {
        this.models = new EnumMap<>(models);
        this.settings = settings;
        this.connections = List.copyOf(connections);
        settings.fallback().forEach(Provider::named); // a misspelt provider fails the start, not a request
    }

    private ModelChoice choose(String requested) {
        String model = requested == null || requested.isBlank() ? defaultModel() : requested.trim();
        Provider provider = providerOf(model);
        ChatModel chatModel = models.get(provider);
        if (chatModel != null) {
            return new ModelChoice(provider, model, model, chatModel);
        }
        if (settings.offlineFallback()) {
            return new ModelChoice(Provider.OFFLINE, OfflineChatModel.MODEL, model, models.get(Provider.OFFLINE));
        }
        throw new Problem(ProblemKind.UNAVAILABLE, "provider_not_configured",
                "model '" + model + "' needs the " + provider.id() + " provider, which has no key configured");
    }

    /**
     * Who answers a model id: its own provider first (or the offline stand-in), then each provider
     * of the fallback chain that has a key, with its fallback model.
     */
    public List<ModelChoice> chain(String requested) {
        ModelChoice first = choose(requested);
        List<ModelChoice> chain = new ArrayList<>(List.of(first));
        for (String id : settings.fallback()) {
            Provider provider = Provider.named(id);
            ChatModel model = models.get(provider);
            if (model != null && chain.stream().noneMatch(c -> c.provider() == provider)) {
                chain.add(new ModelChoice(provider, settings.fallbackModels().get(provider.id()), first.requested(), model));
            }
        }
        return List.copyOf(chain);
    }

    public boolean configured(Provider provider) {
        return models.containsKey(provider);
    }

    public String defaultModel() {
        if (settings.defaultModel() != null && !settings.defaultModel().isBlank()) {
            return settings.defaultModel();
        }
        if (models.containsKey(Provider.OPENAI)) {
            return "gpt-4o";
        }
        return models.containsKey(Provider.GOOGLE) ? "gemini-2.5-flash" : OfflineChatModel.MODEL;
    }

    /** The provider a model id belongs to, by name. */
    public String providerName(String model) {
        return providerOf(model).id();
    }

    Provider providerOf(String model) {
        String lower = model.toLowerCase();
        return settings.prefixes().entrySet().stream()
                .filter(e -> lower.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> Provider.valueOf(e.getValue().toUpperCase()))
                .orElseThrow(() -> Problem.invalid("model", "unknown model '" + model
                        + "': model ids start with one of " + settings.prefixes().keySet().stream().sorted().toList()));
    }

    /** Closes every connection; one that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (AutoCloseable connection : connections) {
            try {
                connection.close();
            } catch (Exception e) {
                log.warn("closing a provider connection failed", e);
            }
        }
    }
}
