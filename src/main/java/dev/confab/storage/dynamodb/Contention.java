package dev.confab.storage.dynamodb;

import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Optimistic writes: a step reads, then writes on the condition that what it read still holds.
 * When a concurrent writer got there first the write is cancelled, and the step runs again from
 * a fresh read, after a short random pause so that the losers do not collide again in step.
 */
public final class Contention {

    /** Enough for 50 writers on one conversation at once; beyond that the caller hears "busy". */
    static final int ATTEMPTS = 100;
    private static final long BASE_MILLIS = 2;
    private static final long CAP_MILLIS = 40;

    private Contention() {
    }

    /** Runs {@code step} until a write of it is not cancelled by a lost race. */
    public static <T> T retry(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (TransactionCanceledException | ConditionalCheckFailedException e) {
                if (attempt >= ATTEMPTS) {
                    throw new Problem(ProblemKind.UNAVAILABLE, "storage_busy",
                            "too many concurrent writes to " + what + "; try again", Map.of(), e);
                }
                pause(attempt);
            }
        }
    }

    /** Whether the transaction's item at {@code index} was what cancelled it: its condition or a concurrent write. */
    public static boolean lost(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = e.cancellationReasons().get(index);
        return "ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code());
    }

    /** A random pause that grows with the attempt, up to a small cap ("full jitter"). */
    public static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(ProblemKind.UNAVAILABLE, "interrupted", "interrupted while waiting to write", Map.of(), e);
        }
    }
}
