package dev.confab.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Every door answers storage failures through StorageFailures: the caller's values 400, the rest 503. */
class StorageFailuresTests {

    @Test
    void aValueTheDatabaseRefusesIsTheCallers() {
        // PostgreSQL: "invalid byte sequence for encoding UTF8: 0x00" (22021), a value too long (22001),
        // text that is not a valid value of its type (22P02)
        for (String state : new String[] {"22021", "22001", "22P02"}) {
            Problem problem = StorageFailures.problemOf(new DataIntegrityViolationException("refused",
                    new SQLException("refused", state)), "a test");
            assertThat(problem.kind()).as(state).isEqualTo(ProblemKind.BAD_REQUEST);
            assertThat(problem.code()).isEqualTo("invalid_value");
            assertThat(problem.getMessage()).doesNotContain("refused"); // the database's words stay in the log
        }
    }

    @Test
    void anyOtherStorageTroubleIsUnavailable() {
        Problem lostConnection = StorageFailures.problemOf(new UncategorizedSQLException("select", "select 1",
                new SQLException("connection lost", "08006")), "a test");
        Problem noSqlState = StorageFailures.problemOf(new UncategorizedSQLException("select", "select 1",
                new SQLException("no state")), "a test");
        Problem notSql = StorageFailures.problemOf(new DataAccessResourceFailureException("DynamoDB is down"),
                "a test");
        for (Problem problem : new Problem[] {lostConnection, noSqlState, notSql}) {
            assertThat(problem.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
            assertThat(problem.code()).isEqualTo("storage_unavailable");
            assertThat(problem.kind().status()).isEqualTo(503);
        }
    }
}
