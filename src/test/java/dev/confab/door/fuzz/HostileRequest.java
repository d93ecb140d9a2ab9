package dev.confab.door.fuzz;

import dev.confab.door.Route;
import dev.confab.door.Surface;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;

/**
 * One generated request, as every door gets it.
 *
 * @param target path and query as sent, raw
 * @param body null for none
 * @param poison why the API must refuse it, for a request that names a seeded record; else null
 * @param envelopes the error envelopes it may be answered with: its route's surface, or for a
 *     tricked path (which a server may read as another route) any surface
 */
record HostileRequest(String method, String target, Map<String, String> headers, byte[] body, String poison,
        Set<Surface> envelopes) {

    private static final Set<Surface> ANY = EnumSet.of(Surface.CORE, Surface.LAMBDA, Surface.YRAL);

    static HostileRequest stranger(String method, String target, boolean tricked, Map<String, String> headers,
            byte[] body) {
        return new HostileRequest(method, target, headers, body, null, tricked ? ANY : envelopesOf(method, target));
    }

    static HostileRequest aimed(Draft draft, String poison) {
        return new HostileRequest(draft.method(), draft.path(), draft.headers(), draft.bytes(), poison,
                envelopesOf(draft.method(), draft.path()));
    }

    boolean aimedAtSeeds() {
        return poison != null;
    }

    /** The seeded records this request names. */
    List<Seeds.Placeholder> names() {
        return Seeds.named(target + headers + (body == null ? "" : new String(body, StandardCharsets.ISO_8859_1)));
    }

    /**
     * As the dispatcher picks: the route of this path and method; on a path whose routes take other
     * methods, any of theirs (405); on no route's path, the core's (404).
     */
    static Set<Surface> envelopesOf(String method, String target) {
        String path = target.split("[?#]", 2)[0];
        List<Route> onPath = HostileTargets.ROUTES.stream()
                .filter(r -> r.path().matches(PathContainer.parsePath(path))).toList();
        if (onPath.isEmpty()) {
            return EnumSet.of(Surface.CORE);
        }
        Optional<Route> exact = onPath.stream().filter(r -> r.method().equalsIgnoreCase(method)).findFirst();
        return exact.map(r -> (Set<Surface>) EnumSet.of(r.surface()))
                .orElseGet(() -> onPath.stream().map(Route::surface).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(Surface.class))));
    }

    /** Shown when a try fails: everything, with long parts cut down to their start and length. */
    @Override
    public String toString() {
        String text = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
        return method + " " + cut(target) + " " + headers.entrySet().stream()
                .map(h -> cut(h.getKey()) + ": " + cut(h.getValue())).toList() + " " + cut(text)
                + (poison == null ? "" : " [poison: " + poison + "]");
    }

    private static String cut(String text) {
        String shown = text.length() > 200 ? text.substring(0, 120) + "...(" + text.length() + " chars)" : text;
        return shown.chars().anyMatch(c -> c < 0x20 || Character.isSurrogate((char) c) || c == 0x7f)
                ? escaped(shown) : shown;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
