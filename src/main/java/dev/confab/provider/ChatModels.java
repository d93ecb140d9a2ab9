package dev.confab.provider;

import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.ai.chat.model.ChatModel;

/** The chat models that are configured, and the rule that picks one by model id. */
public class ChatModels {

    private final Map<Provider, ChatModel> models;
    private final ProviderSettings settings;

    public ChatModels(Map<Provider, ChatModel> models, ProviderSettings settings) {
        this.models = new EnumMap<>(models);
        this.settings = settings;
    }

    public ModelChoice choose(String requested) {
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
}
