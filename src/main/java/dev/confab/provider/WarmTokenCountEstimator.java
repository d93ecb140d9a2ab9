package dev.confab.provider;

import org.springframework.ai.content.MediaContent;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * jtokkit's estimator, built off the startup path: loading its vocabulary takes a noticeable part
 * of startup (150-500 ms), and nothing needs it before the first chat turn. It is loaded in the
 * background once the application is ready, or by the first caller, whichever comes first.
 */
final class WarmTokenCountEstimator implements TokenCountEstimator, ApplicationListener<ApplicationReadyEvent> {

    /** Class initialization is lazy and thread-safe: the vocabulary is loaded once, on first access. */
    private static final class Loaded {
        static final TokenCountEstimator ESTIMATOR = new JTokkitTokenCountEstimator();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread.ofPlatform().daemon().name("tokenizer-warmup").start(() -> Loaded.ESTIMATOR.estimate("warm up"));
    }

    @Override
    public int estimate(String text) {
        return Loaded.ESTIMATOR.estimate(text);
    }

    @Override
    public int estimate(MediaContent content) {
        return Loaded.ESTIMATOR.estimate(content);
    }

    @Override
    public int estimate(Iterable<MediaContent> messages) {
        return Loaded.ESTIMATOR.estimate(messages);
    }
}
