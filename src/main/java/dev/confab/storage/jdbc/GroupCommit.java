package dev.confab.storage.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: writes that arrive while another group is being committed are run together, in
 * one transaction with one commit, and each caller returns only once the commit that holds its
 * write has succeeded. A commit is the costly part of a small write (the embedded store writes a
 * chunk of its file, PostgreSQL flushes its log), so under load many writes share it; alone, a
 * write is committed at once, as before.
 *
 * <p>Each write runs inside a savepoint, so one that fails (a value too long, a conversation
 * gone) is undone alone and its caller gets its own exception; the others still commit. A failed
 * commit fails every write of the group. A caller already inside a transaction writes in it.
 */
public final class GroupCommit {

    /** Writes in one transaction at most: a bound on how long a group holds its locks. */
    private static final int MAX_GROUP = 64;

    private final TransactionTemplate transactions;
    private final ReentrantLock committer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Write<?>> waiting = new ConcurrentLinkedQueue<>();

    public GroupCommit(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** Runs the write in a transaction shared with concurrent ones; returns once it is committed. */
    public <T> T write(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Write<T> write = new Write<>(work);
        waiting.add(write);
        // whoever holds the lock commits what is waiting, oldest first, a group at a time, until its
        // own write is among them; a write that a group before took along is finished when its
        // caller gets the lock
        committer.lock();
        try {
            while (!write.finished) {
                commitWaiting();
            }
        } finally {
            committer.unlock();
        }
        return write.outcome();
    }

    /** Writes queued behind the one being committed (for tests). */
    int waiting() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Write<?>> group = new ArrayList<>();
        for (Write<?> w; group.size() < MAX_GROUP && (w = waiting.poll()) != null; ) {
            group.add(w);
        }
        try {
            transactions.executeWithoutResult(status -> group.forEach(w -> run(w, status, group.size() > 1)));
        } catch (RuntimeException commitFailed) {
            group.forEach(w -> w.failIfDone(commitFailed));
        } catch (Error fatal) {
            group.forEach(w -> w.failIfDone(fatal));
            throw fatal;
        } finally {
            group.forEach(w -> w.finished = true);
        }
    }

    private static void run(Write<?> write, TransactionStatus status, boolean alongOthers) {
        if (!alongOthers) {
            write.run(); // alone, a failure rolls the whole transaction back: no savepoint needed
            return;
        }
        Object savepoint = status.createSavepoint();
        try {
            write.run();
            status.releaseSavepoint(savepoint);
        } catch (RuntimeException failed) {
            status.rollbackToSavepoint(savepoint);
            write.failure = failed;
        }
    }

    /** One caller's write: its result, or why it has none; read by the caller once finished. */
    private static final class Write<T> {
        private final Supplier<T> work;
        private T result;
        private Throwable failure;
        /** Set by the committing thread before it releases the lock the caller then takes. */
        private boolean finished;

        Write(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }

        /** A commit that failed fails the writes it held that had not failed on their own. */
        void failIfDone(Throwable commitFailed) {
            if (failure == null) {
                failure = commitFailed;
                result = null;
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
