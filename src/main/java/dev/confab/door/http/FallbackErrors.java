package dev.confab.door.http;

import dev.confab.door.Surface;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors outside the catalog's routes (unknown paths, Spring Cloud Function's own
 * {@code POST /{function}} door) in the core envelope instead of Spring Boot's default page.
 * Only a servlet server has them.
 */
@RestController
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FallbackErrors implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) { // asked for by name, not forwarded to with an error: there is no such route
            return envelope(404, new Problem(ProblemKind.NOT_FOUND, "route_not_found",
                    "no route for " + request.getMethod() + " " + request.getRequestURI()));
        }
        int status = code instanceof Integer i ? i : 500;
        ProblemKind kind = ProblemKind.of(status).orElse(ProblemKind.INTERNAL);
        String message = status == 404 ? "no route for " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                : kind.title();
        return envelope(status, new Problem(kind, kind.name().toLowerCase(), message));
    }

    @ExceptionHandler(Problem.class)
    ResponseEntity<Map<String, Object>> problem(Problem problem) {
        return envelope(problem.kind().status(), problem);
    }

    /**
     * JSON whatever the request's Accept says: with the type set here, Spring does not negotiate,
     * and an Accept it cannot parse or satisfy would otherwise leave the error without a body.
     * FunctionDoorErrors answers in it too.
     */
    static ResponseEntity<Map<String, Object>> envelope(int status, Problem p) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Surface.CORE.envelope(
                status, p.kind().type(), p.kind().title(), p.code(), p.getMessage(), p.details()));
    }
}
