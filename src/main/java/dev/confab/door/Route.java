package dev.confab.door;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One route of the catalog, ready to match requests. */
public record Route(String name, String definition, String method, PathPattern path, int status, Surface surface,
        Map<String, String> headers, Map<String, Object> set, String stream) {

    private static final PathPatternParser PARSER = new PathPatternParser();

    static Route of(String name, String definition, Catalog.RouteSpec spec) {
        return new Route(name, definition, spec.method().toUpperCase(), PARSER.parse(spec.path()),
                spec.status() == null ? 200 : spec.status(), Surface.of(spec.surface()), spec.headers(), spec.set(),
                spec.stream());
    }

    /** Path variables when the path matches, else null. */
    Map<String, String> match(PathContainer requestPath) {
        PathPattern.PathMatchInfo info = path.matchAndExtract(requestPath);
        return info == null ? null : info.getUriVariables();
    }

    /**
     * A request path split into decoded segments, or empty when it cannot be decoded (a {@code %}
     * that starts no escape): no route can match it, and parsing it throws.
     */
    static Optional<PathContainer> parse(String requestPath) {
        try {
            return Optional.of(PathContainer.parsePath(requestPath));
        } catch (IllegalArgumentException undecodable) {
            return Optional.empty();
        }
    }
}
