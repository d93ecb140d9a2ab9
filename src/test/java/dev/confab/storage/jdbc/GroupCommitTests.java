package dev.confab.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Concurrent writes share a commit; each caller sees its own write's fate, and only after the commit. */
class GroupCommitTests {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger commits = new AtomicInteger();
    /** The commit (1, 2, ...) that fails; none by default. */
    private final AtomicInteger failingCommit = new AtomicInteger(-1);
    private JdbcDataSource dataSource;
    private JdbcClient jdbc;
    private CompletableFuture<Integer> first;
    private GroupCommit group;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        dataSource = h2;
        h2.setURL("jdbc:h2:mem:group" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (commits.incrementAndGet() == failingCommit.get()) {
                    super.doRollback(status); // as a database does when it cannot commit
                    throw new TransactionSystemException("the disk is full");
                }
                super.doCommit(status);
            }
        };
        jdbc = JdbcClient.create(h2);
        jdbc.sql("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))").update();
        group = new GroupCommit(new TransactionTemplate(transactions));
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void writesThatArriveDuringACommitShareTheNextOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Integer> first = write(() -> {
            firstStarted.countDown();
            hold(releaseFirst);
            return insert(0, "first");
        });
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int id = i;
            others.add(write(() -> insert(id, "note " + id)));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.waiting() == 10);
        assertThat(others).noneMatch(CompletableFuture::isDone); // nothing is acknowledged before its commit
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (CompletableFuture<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(commits).hasValue(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isEqualTo(11);
    }

    @Test
    void moreWritesThanAGroupHoldsAreCommittedInSeveralGroupsAndNoneIsLeftOut() throws Exception {
        CountDownLatch releaseFirst = blockFirstWrite(0);
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            int id = 1000 + i;
            others.add(queued(() -> insert(id, "note"), i));
        }
        releaseFirst.countDown();

        for (CompletableFuture<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(commits).hasValue(3); // the first alone, then 64, then 6
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isEqualTo(71);
    }

    @Test
    void aFailedWriteIsUndoneAloneAndItsCallerGetsItsOwnError() throws Exception {
        insert(5, "taken");
        CountDownLatch releaseFirst = blockFirstWrite(1);
        CompletableFuture<Integer> before = queued(() -> insert(2, "two"), 1);
        CompletableFuture<Integer> duplicate = queued(() -> insert(5, "again"), 2);
        CompletableFuture<Integer> after = queued(() -> insert(3, "three"), 3);
        releaseFirst.countDown();

        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(duplicate::join).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.sql("SELECT id FROM notes ORDER BY id").query(Integer.class).list()).containsExactly(1, 2, 3, 5);
        assertThat(jdbc.sql("SELECT text FROM notes WHERE id = 5").query(String.class).single()).isEqualTo("taken");
        assertThat(commits).hasValue(2);
    }

    @Test
    void aFailedCommitFailsEveryWriteOfItsGroupAndKeepsNone() throws Exception {
        failingCommit.set(2);
        CountDownLatch releaseFirst = blockFirstWrite(1);
        CompletableFuture<Integer> second = queued(() -> insert(2, "two"), 1);
        CompletableFuture<Integer> third = queued(() -> insert(3, "three"), 2);
        releaseFirst.countDown();

        assertThatThrownBy(second::join).hasCauseInstanceOf(TransactionSystemException.class);
        assertThatThrownBy(third::join).hasCauseInstanceOf(TransactionSystemException.class);
        assertThat(jdbc.sql("SELECT id FROM notes ORDER BY id").query(Integer.class).list()).containsExactly(1);
    }

    @Test
    void aWriteInsideATransactionIsPartOfIt() {
        TransactionTemplate outer = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            group.write(() -> insert(7, "seven"));
            throw new IllegalStateException("the caller gives up");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isZero();
        assertThat(commits).hasValue(0);
    }

    /** A first write that holds the committer until released; it inserts row {@code id}. */
    private CountDownLatch blockFirstWrite(int id) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        first = write(() -> {
            started.countDown();
            hold(release);
            return insert(id, "first");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    /** A write sent now, once it is queued as the {@code place}-th behind the commit in progress. */
    private CompletableFuture<Integer> queued(java.util.function.Supplier<Integer> work, int place) {
        CompletableFuture<Integer> write = write(work);
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.waiting() == place);
        return write;
    }

    private CompletableFuture<Integer> write(java.util.function.Supplier<Integer> work) {
        return CompletableFuture.supplyAsync(() -> group.write(work), callers);
    }

    private int insert(int id, String text) {
        return jdbc.sql("INSERT INTO notes VALUES (?, ?)").params(id, text).update();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
