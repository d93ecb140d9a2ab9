package dev.confab.problem;

import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * What a storage failure tells the caller, the same on every door: a value the database refuses for
 * what it is (SQLState class 22, a data exception: PostgreSQL's text cannot hold a NUL character, say)
 * is the caller's doing, 400 {@code invalid_value}; any other trouble is the storage's, 503
 * {@code storage_unavailable}, with the cause in the log only.
 */
public final class StorageFailures {

    private static final Logger log = LoggerFactory.getLogger(StorageFailures.class);

    private StorageFailures() {
    }

    /** The problem to answer with; {@code where} names the request in the log (a route, a door). */
    public static Problem problemOf(DataAccessException failure, String where) {
        if (failure.getMostSpecificCause() instanceof SQLException refused && refused.getSQLState() != null
                && refused.getSQLState().startsWith("22")) {
            log.debug("the database refused a value on {}: {}", where, refused.toString());
            return new Problem(ProblemKind.BAD_REQUEST, "invalid_value",
                    "the request holds a value that cannot be stored or looked up (a NUL character, say)");
        }
        log.error("storage failed on {}: {}", where, failure.getMostSpecificCause().toString());
        return new Problem(ProblemKind.UNAVAILABLE, "storage_unavailable", "storage is unavailable; try again shortly",
                Map.of(), failure);
    }
}
