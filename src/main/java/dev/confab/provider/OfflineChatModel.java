package dev.confab.provider;

import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import reactor.core.publisher.Flux;

/**
 * The provider that needs no network and no key, so the default profile works end to end. Its
 * replies are deterministic and say plainly that they are not AI-generated; token counts come
 * from a real tokenizer.
 */
public class OfflineChatModel implements ChatModel {

    public static final String MODEL = "local-offline";
    static final String NOTICE = "[Offline reply, not AI-generated: no provider key is configured.]";
    private static final int QUOTE = 200;

    private final TokenCountEstimator tokens;

    public OfflineChatModel(TokenCountEstimator tokens) {
        this.tokens = tokens;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        String reply = replyTo(prompt);
        return response(reply, inputTokens(prompt), tokens.estimate(reply));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        String reply = replyTo(prompt);
        List<String> pieces = words(reply);
        int input = inputTokens(prompt);
        int output = tokens.estimate(reply);
        return Flux.range(0, pieces.size()).map(i -> i == pieces.size() - 1
                ? response(pieces.get(i), input, output)
                : response(pieces.get(i), null, null));
    }

    private String replyTo(Prompt prompt) {
        UserMessage last = prompt.getUserMessage();
        String said = last == null || last.getText() == null ? "" : last.getText().strip();
        if (said.length() > QUOTE) {
            said = said.substring(0, QUOTE) + "...";
        }
        StringBuilder reply = new StringBuilder(NOTICE).append(" You said: \"").append(said).append('"');
        int images = last == null ? 0 : last.getMedia().size();
        if (images > 0) {
            reply.append(" with ").append(images).append(images == 1 ? " attachment" : " attachments");
        }
        long earlier = prompt.getInstructions().stream().filter(m -> m.getMessageType() == MessageType.USER).count() - 1;
        if (earlier > 0) {
            reply.append(" (message ").append(earlier + 1).append(" of this conversation)");
        }
        return reply.append('.').toString();
    }

    private int inputTokens(Prompt prompt) {
        int total = 0;
        for (Message m : prompt.getInstructions()) {
            total += m.getText() == null ? 0 : tokens.estimate(m.getText());
        }
        return total;
    }

    private static ChatResponse response(String text, Integer input, Integer output) {
        var metadata = ChatResponseMetadata.builder().model(MODEL);
        if (input != null) {
            metadata.usage(new DefaultUsage(input, output));
        }
        // the last piece says the reply is over, as a provider's last chunk does
        ChatGenerationMetadata ending = input == null ? ChatGenerationMetadata.NULL
                : ChatGenerationMetadata.builder().finishReason("stop").build();
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text), ending)), metadata.build());
    }

    private static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
