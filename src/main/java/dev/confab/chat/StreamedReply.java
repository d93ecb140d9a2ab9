package dev.confab.chat;

import dev.confab.provider.ModelChoice;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * The reply as it streams in: who is answering, its text so far and the latest usage the
 * provider reported. A stream ends once, whether it completes, fails or is cancelled, and so is stored once.
 */
final class StreamedReply {

    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private Usage usage;
    private ModelChoice by;
    private boolean finished;

    /** {@code first}: who is asked first, and so answers unless it fails before its first chunk. */
    StreamedReply(ModelChoice first) {
        this.by = first;
    }

    /** Adds a chunk from the provider that is answering and answers its text. */
    synchronized String add(ModelChoice from, ChatResponse chunk) {
        by = from;
        if (chunk.getMetadata() != null && chunk.getMetadata().getUsage() != null
                && chunk.getMetadata().getUsage().getPromptTokens() != null
                && chunk.getMetadata().getUsage().getPromptTokens() > 0) {
            usage = chunk.getMetadata().getUsage();
        }
        if (chunk.getResult() != null && chunk.getResult().getMetadata() != null
                && chunk.getResult().getMetadata().getFinishReason() != null
                && !chunk.getResult().getMetadata().getFinishReason().isBlank()) {
            finished = true;
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

    /** Whether the provider said the reply was over (a finish reason), rather than just stopping. */
    synchronized boolean finished() {
        return finished;
    }

    synchronized ModelChoice by() {
        return by;
    }

    /** Runs {@code end} if the stream has not ended yet; its answer, or null. */
    <T> T once(Supplier<T> end) {
        return ended.compareAndSet(false, true) ? end.get() : null;
    }
}
