package dev.confab.chat;

/** Tokens one turn used. */
public record Usage(int inputTokens, int outputTokens, int totalTokens) {

    public static Usage of(int input, int output) {
        return new Usage(input, output, input + output);
    }
}
