package dev.confab.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.chat.ChatRequest;
import dev.confab.persona.PersonaService;
import dev.confab.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads an OpenAI request as a Confab turn: the system messages become instructions, the last
 * user message the input, the earlier ones the history, and a persona's name as the model picks
 * the persona (with its prompt and model).
 */
@Component
class OpenAiCompatibility {

    private final PersonaService personas;

    OpenAiCompatibility(PersonaService personas) {
        this.personas = personas;
    }

    ChatRequest toTurn(CompletionRequest request) {
        if (request.messages() == null || request.messages().isEmpty()) {
            throw Problem.invalid("messages", "messages must hold at least one message");
        }
        CompletionRequest.Line last = request.messages().get(request.messages().size() - 1);
        if (!"user".equals(last.role())) {
            throw Problem.invalid("messages", "the last message must be the user's");
        }
        String instructions = request.messages().stream().filter(m -> "system".equals(m.role()) || "developer".equals(m.role()))
                .map(m -> text(m.content())).collect(Collectors.joining("\n\n"));
        List<ChatRequest.Turn> history = new ArrayList<>();
        for (CompletionRequest.Line line : request.messages().subList(0, request.messages().size() - 1)) {
            if ("user".equals(line.role()) || "assistant".equals(line.role())) {
                history.add(new ChatRequest.Turn(line.role(), text(line.content())));
            }
        }
        boolean continuing = request.conversationId() != null && !request.conversationId().isBlank();
        String persona = request.model() != null && personas.find(request.model()).isPresent() ? request.model() : null;
        return new ChatRequest(last.content(), request.user(), request.conversationId(), persona,
                persona == null ? request.model() : null, instructions.isBlank() ? null : instructions,
                request.stream(), request.temperature(),
                request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens(),
                request.topP(), null, null, continuing ? null : history);
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> {
            if (part.path("text").isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
            }
        });
        return text.toString();
    }
}
