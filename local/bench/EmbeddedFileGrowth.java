import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * How the embedded database's file grows under steady writes, with and without compaction rounds. Writers
 * store chat turns as the embedded profile does (the schema's tables and indexes, random ids, a turn's two
 * messages and its conversation's totals in one commit; a new conversation every five turns) into an H2
 * file opened as application.yml opens it (WRITE_DELAY=0), as fast as they can; every 5 s it prints the
 * turns so far and the file's size. Compaction rounds are MVStore.compact(fill, MB) at a fixed delay, as
 * storage/jdbc/EmbeddedCompaction runs them (200 ms, 80, 8 MB); 0 ms for none.
 *
 *   java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar:~/.m2/repository/com/fasterxml/uuid/java-uuid-generator/5.1.1/java-uuid-generator-5.1.1.jar \
 *       local/bench/EmbeddedFileGrowth.java SECONDS COMPACT_MS FILL WRITE_MB WRITERS [more H2 settings, e.g. RETENTION_TIME=0]
 *
 * Ids are made as common/Ids makes them (time-ordered, UUID version 7); -Dids=random makes them random
 * (version 4), as before, to compare: about a third more bytes per turn and a third fewer turns.
 *
 * The database goes to a temporary folder, removed at the end (it reaches GBs within a minute).
 */
public class EmbeddedFileGrowth {
    static final boolean RANDOM_IDS = "random".equals(System.getProperty("ids"));
    static final com.fasterxml.uuid.NoArgGenerator ORDERED = com.fasterxml.uuid.Generators.timeBasedEpochRandomGenerator();

    static String id() {
        return (RANDOM_IDS ? UUID.randomUUID() : ORDERED.generate()).toString().replace("-", "");
    }

    public static void main(String[] a) throws Exception {
        Path folder = Files.createTempDirectory("confab-growth");
        String dir = folder.toString(); int seconds = Integer.parseInt(a[0]); long compactMs = Long.parseLong(a[1]);
        int fill = Integer.parseInt(a[2]); int writeMb = Integer.parseInt(a[3]); int threads = Integer.parseInt(a[4]);
        String url = "jdbc:h2:file:" + dir + "/g;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" + (a.length > 5 ? ";" + a[5] : "");
        Connection admin = DriverManager.getConnection(url, "sa", "");
        String ddl = Files.readString(Path.of("src/main/resources/db/migration/common/V1__personas_and_conversations.sql"));
        for (String s : ddl.replaceAll("--[^\\n]*", "").split(";")) if (!s.isBlank()) admin.createStatement().execute(s);
        MVStore mv = ((SessionLocal) admin.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
        AtomicLong turns = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) pool.submit(() -> { try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            PreparedStatement conv = c.prepareStatement("INSERT INTO conversations (id, user_id, metadata, settings, message_count, next_seq, tokens_input, tokens_output, total_cost, deleted, version, created_at, updated_at) VALUES (?, ?, '{}', '{\"model\":\"gpt-4o\"}', 0, 0, 0, 0, 0, FALSE, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            PreparedStatement msg = c.prepareStatement("INSERT INTO messages (conversation_id, seq, id, role, content, message_type, status, model, token_count, created_at) VALUES (?, ?, ?, ?, ?, 'text', 'complete', 'gpt-4o', 10, CURRENT_TIMESTAMP)");
            PreparedStatement upd = c.prepareStatement("UPDATE conversations SET message_count = message_count + 2, next_seq = next_seq + 2, tokens_input = tokens_input + 10, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ?");
            while (System.nanoTime() < end) {
                String id = "conv_" + id();
                conv.setString(1, id); conv.setString(2, "user" + ThreadLocalRandom.current().nextInt(64)); conv.executeUpdate(); c.commit();
                for (int turn = 0; turn < 5; turn++) {
                    for (int k = 0; k < 2; k++) {
                        msg.setString(1, id); msg.setLong(2, turn * 2 + k); msg.setString(3, "msg_" + id());
                        msg.setString(4, k == 0 ? "user" : "assistant"); msg.setString(5, k == 0 ? "Hello there, how are you today?" : "I am a stub model answering with a short reply of about this length.");
                        msg.executeUpdate();
                    }
                    upd.setString(1, id); upd.executeUpdate(); c.commit(); turns.incrementAndGet();
                }
            }
        } catch (Exception e) { e.printStackTrace(); } return null; });
        ScheduledExecutorService sched = Executors.newSingleThreadScheduledExecutor();
        if (compactMs > 0) sched.scheduleWithFixedDelay(() -> { try { mv.compact(fill, writeMb * 1024 * 1024); } catch (Throwable e) { e.printStackTrace(); } }, compactMs, compactMs, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        for (int s = 5; s <= seconds; s += 5) {
            Thread.sleep(5000);
            System.out.printf("%3ds turns=%d file=%dMB fill=%d%n", s, turns.get(), Files.size(Path.of(dir, "g.mv.db")) >> 20, mv.getFillRate());
        }
        pool.shutdown(); pool.awaitTermination(30, TimeUnit.SECONDS); sched.shutdownNow();
        admin.close();
        System.out.println("closed file=" + (Files.size(Path.of(dir, "g.mv.db")) >> 20) + "MB");
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
