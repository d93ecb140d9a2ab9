package dev.confab.door.websocket;

/**
 * Seed 004's {@code confidence_score}, made honest: no provider reports how sure it is, and there is
 * no product catalog yet to match a reply against, so the score says how sure Confab is that the
 * client got the whole reply, not whether the reply is right.
 */
final class Confidence {

    /** The provider ended the reply itself. */
    static final double WHOLE = 1.0;
    /** The reply used every token the turn allowed: most likely cut off mid-sentence. */
    static final double CUT_AT_LIMIT = 0.5;
    /** Nothing came back. */
    static final double EMPTY = 0.0;

    private Confidence() {
    }

    /**
     * @param outputTokens the reply's tokens, as the provider reported them (else counted)
     * @param maxTokens    the limit the turn ran with, or null for none
     */
    static double of(int outputTokens, Integer maxTokens) {
        if (outputTokens <= 0) {
            return EMPTY;
        }
        return maxTokens != null && outputTokens >= maxTokens ? CUT_AT_LIMIT : WHOLE;
    }
}
