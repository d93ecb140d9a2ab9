package dev.confab.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the embedded database's file from growing without end under steady writes. H2 writes every
 * commit as a new chunk at a free place in its file, and a chunk's space is reused once none of its
 * pages is live and H2's retention time (45 s: what the disk may not have written yet) has passed. A
 * turn changes a few pages scattered over the tables and indexes (random ids), so most chunks keep some
 * live pages for a long time, and the file grew by about 30 KB a turn for as long as turns came
 * (local/bench; 2 GB per 100,000 turns). H2 rewrites such chunks only in its background writer, which it
 * runs only with a write delay, and the embedded default has none (WRITE_DELAY=0: a commit is in the file
 * before the answer). So this does what that writer would: five times a second, when the chunks are less
 * than 80% live, it moves the live pages of the sparsest ones (at most 8 MB) into the next commit, and
 * their chunks' space is reused once the retention time has passed. Under sustained load the file then
 * levels off at about the last 45 s of writes plus the live data. It runs only on an H2 file database;
 * on any other (PostgreSQL, H2 in memory) its first round ends it.
 */
final class EmbeddedCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCompaction.class);
    static final long EVERY_MS = 200;
    static final int FILL_RATE = 80;
    static final int WRITE_LIMIT = 8 * 1024 * 1024;

    private final DataSource dataSource;
    private ScheduledExecutorService scheduler;
    private volatile MVStore store;

    EmbeddedCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One round: false when there is no H2 file store to compact (then there never will be). */
    boolean compact() throws SQLException {
        MVStore mv = store;
        if (mv == null || mv.isClosed()) {
            mv = store = fileStore();
            if (mv == null) {
                return false;
            }
        }
        mv.compact(FILL_RATE, WRITE_LIMIT);
        return true;
    }

    private MVStore fileStore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal session)) {
                return null;
            }
            MVStore mv = session.getDatabase().getStore().getMvStore();
            return mv.getFileStore() == null || mv.getFileStore().isReadOnly() ? null : mv;
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("h2-compaction").factory());
        rounds.scheduleWithFixedDelay(() -> round(rounds), EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
        scheduler = rounds;
    }

    private void round(ScheduledExecutorService rounds) {
        try {
            if (!compact()) {
                rounds.shutdown();
            }
        } catch (SQLException | RuntimeException e) {
            // no connection this round (the pool busy or closing): the next round tries again
            log.warn("embedded store compaction failed this round", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
