package dev.confab.door.http;

import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import dev.confab.problem.StorageFailures;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures of Spring Cloud Function's own door ({@code /{function}}, {@code /a,b}), the only
 * controller handlers in Confab (the catalog's routes have their own handler), in the core
 * envelope. The function door tells a request it cannot take with these exceptions: a body it
 * could not convert is handed to the function as it is (ClassCastException), as is the output of a
 * function to a next one that does not take it; a POST to a supplier is an
 * IllegalArgumentException; a composition that starts with a supplier, given a JSON array, fails
 * inside Spring Cloud Function with a NullPointerException. All are the caller's doing (400), as is
 * a value the database refuses for what it is. Other storage trouble is 503, as on the catalog's
 * routes; anything else stays a 500, logged.
 */
@RestControllerAdvice
class FunctionDoorErrors {

    private static final Logger log = LoggerFactory.getLogger(FunctionDoorErrors.class);

    @ExceptionHandler({ClassCastException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> notTaken(RuntimeException refused) {
        log.debug("the function door refused a request: {}", refused.toString());
        return envelope(new Problem(ProblemKind.BAD_REQUEST, "invalid_function_request",
                "the function (or composition) cannot take this request: check its name, method and body"));
    }

    /**
     * Spring Cloud Function's router ({@code /functionRouter}) called without saying where to: the
     * caller's doing. Any other IllegalStateException is a fault of ours, answered 500 and logged.
     */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> illegalState(IllegalStateException failure) {
        if (String.valueOf(failure.getMessage()).startsWith("Failed to establish route")) {
            return notTaken(failure);
        }
        return ours(failure);
    }

    /**
     * Spring Cloud Function tripping over its own type handling on a composition it cannot run with
     * this request (a supplier first, as in {@code PUT /health,createPersona} with {@code []}: it
     * looks up the input type the supplier does not have): a NullPointerException thrown inside
     * Spring Cloud Function, the caller's doing. One thrown by Confab's own code is a fault of ours,
     * 500, logged.
     */
    @ExceptionHandler(NullPointerException.class)
    ResponseEntity<Map<String, Object>> nullInside(NullPointerException failure) {
        if (thrownBySpringCloudFunction(failure)) {
            return notTaken(failure);
        }
        return ours(failure);
    }

    /** A fault of ours: logged, and 500 without its details. */
    private static ResponseEntity<Map<String, Object>> ours(RuntimeException failure) {
        log.error("the function door failed", failure);
        return envelope(new Problem(ProblemKind.INTERNAL, "internal", "Internal Server Error"));
    }

    /** Whether the first frame outside the JDK is Spring Cloud Function's. */
    private static boolean thrownBySpringCloudFunction(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
                return type.startsWith("org.springframework.cloud.function.");
            }
        }
        return false;
    }

    /**
     * Spring Cloud Function's door answers in the request's content type; for one no converter
     * writes (application/x-ndjson, say) Spring gave 500. The function has run by then: the
     * caller is told to send JSON, the only type this door answers in.
     */
    @ExceptionHandler(HttpMessageNotWritableException.class)
    ResponseEntity<Map<String, Object>> notWritable(HttpMessageNotWritableException refused) {
        log.debug("the function door could not answer in the request's type: {}", refused.getMessage());
        return envelope(new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "the function door takes and answers JSON: send Content-Type: application/json"));
    }

    /**
     * Storage trouble as every door answers it (StorageFailures): 400 for a value the database refuses
     * for what it is (a NUL character, which this door hands over as it came when the function takes a
     * plain string, in PostgreSQL's text), else 503.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> storage(DataAccessException failure) {
        return envelope(StorageFailures.problemOf(failure, "the function door"));
    }

    private static ResponseEntity<Map<String, Object>> envelope(Problem p) {
        return FallbackErrors.envelope(p.kind().status(), p);
    }
}
