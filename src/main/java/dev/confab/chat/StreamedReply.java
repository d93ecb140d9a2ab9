package dev.confab.chat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * The reply as it streams in: its text so far and the latest usage the provider reported. A
 * stream ends once, whether it completes, fails or is cancelled, and so is stored once.
 */
final class StreamedReply {

    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private Usage usage;

    /** Adds a chunk and answers its text. */
    synchronized String add(ChatResponse chunk) {
        if (chunk.getMetadata() != null && chunk.getMetadata().getUsage() != null
                && chunk.getMetadata().getUsage().getPromptTokens() != null
                && chunk.getMetadata().getUsage().getPromptTokens() > 0) {
            usage = chunk.getMetadata().getUsage();
        }
        String delta = chunk.getResult() == null || chunk.getResult().getOutput().getText() == null ? ""
                : chunk.getResult().getOutput().getText();
        text.append(delta);
        return delta;
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized Usage usage() {
        return usage;
    }

    /** Runs {@code end} if the stream has not ended yet; its answer, or null. */
    <T> T once(Supplier<T> end) {
        return ended.compareAndSet(false, true) ? end.get() : null;
    }
}
