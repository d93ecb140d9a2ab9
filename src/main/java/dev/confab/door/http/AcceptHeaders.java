package dev.confab.door.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Accept header that trips Spring's media type parser is passed on as no Accept header. Spring
 * Framework 6.2.19 throws StringIndexOutOfBoundsException for a media type that starts with a double
 * quote ({@code Accept: "application/json"}; spring-framework#36971, fixed in a later release this
 * machine's Maven mirror does not have) where it should throw InvalidMediaTypeException, and each
 * parser (Spring Boot's welcome page mapping, which sees every request no route takes; content
 * negotiation; the error handlers) let it through as a 500. Spring treats a malformed Accept header
 * as accepting everything where it can; such a header now reads the same, absent, before any parser
 * sees it. Only values with a double quote are parsed here. Only in a web application: the Lambda
 * and Azure doors have no servlet filters.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AcceptHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(tripsTheParser(request) ? new WithoutAccept(request) : request, response);
    }

    private static boolean tripsTheParser(HttpServletRequest request) {
        for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT); values.hasMoreElements(); ) {
            String value = values.nextElement();
            if (value == null || value.indexOf('"') < 0) {
                continue;
            }
            try {
                MediaType.parseMediaTypes(value);
            } catch (InvalidMediaTypeException malformed) {
                // malformed the usual way: Spring's parsers handle it
            } catch (RuntimeException parserFault) {
                return true;
            }
        }
        return false;
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.ACCEPT.equalsIgnoreCase(name)).toList());
        }
    }
}
