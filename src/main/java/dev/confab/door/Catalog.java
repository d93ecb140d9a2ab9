package dev.confab.door;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * functions.yml: every function and pipeline with its types, description and routes. The single
 * source of truth for the public surface; every door routes by it.
 */
public record Catalog(Map<String, Entry> functions, Map<String, Entry> pipelines) {

    public static final String RESOURCE = "functions.yml";

    /**
     * The shipped catalog, parsed once per JVM: the Catalog bean (every door's routes) and Tomcat's
     * error valve both read it; on the main thread, parsing the YAML took 30-45 ms of the start with
     * cold classes, and 8-13 ms more the second time (a wall-clock profile of local/run-fast).
     * {@link CatalogPreload} starts the one parse on a thread of its own as Spring starts.
     */
    private static final FutureTask<Catalog> SHIPPED = new FutureTask<>(Catalog::parseShipped);

    /**
     * A function bean, or a pipeline of them ({@code definition} like {@code a|b|c}).
     */
    public record Entry(String description, String definition, String input, String output, List<RouteSpec> routes) {

        public Entry {
            routes = routes == null ? List.of() : List.copyOf(routes);
        }
    }

    /**
     * One HTTP route. {@code surface} names whose API it is (core, or a seed), which picks the error
     * envelope. {@code headers} copies request headers into input fields; {@code set} fixes input
     * fields whatever the caller sends. {@code stream} names the function that answers, as server-sent
     * events, a request whose {@code stream} field is true, on doors that can stream.
     */
    public record RouteSpec(String method, String path, Integer status, String surface, Map<String, String> headers,
            Map<String, Object> set, String stream) {

        public RouteSpec {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            set = set == null ? Map.of() : Map.copyOf(set);
        }
    }

    public Catalog {
        functions = functions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        pipelines = pipelines == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pipelines));
    }

    /** The catalog on the classpath (functions.yml), parsed on the first call, or by the preload. */
    public static Catalog load() {
        SHIPPED.run(); // parses, unless done or under way (then get() waits for it)
        try {
            return SHIPPED.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + RESOURCE, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("cannot read " + RESOURCE, e.getCause());
        }
    }

    /** Starts parsing the shipped catalog on a daemon thread, so that {@link #load()} finds it parsed. */
    static void preload() {
        if (SHIPPED.isDone()) {
            return; // parsed by an earlier start in this JVM (tests start many)
        }
        Thread.ofPlatform().daemon().name("catalog-preload").start(SHIPPED);
    }

    private static Catalog parseShipped() {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Catalog read(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return yaml.readValue(in, Catalog.class);
    }

    /** The function definition an entry invokes: its own name, or its pipeline. */
    public static String definitionOf(String name, Entry entry) {
        return entry.definition() == null ? name : entry.definition();
    }

    /**
     * The surface whose envelope answers a request refused before it is routed (too large, not
     * readable): that of the route for its method and path, else of the first route on its path
     * (as a 405 would), the core's when no route has the path.
     */
    public static Surface surfaceOf(List<Route> routes, String method, String path) {
        List<Route> onPath = Route.parse(path == null ? "" : path)
                .map(p -> routes.stream().filter(r -> r.match(p) != null).toList()).orElse(List.of());
        return onPath.stream().filter(r -> r.method().equalsIgnoreCase(method)).findFirst()
                .or(() -> onPath.stream().findFirst())
                .map(Route::surface).orElse(Surface.CORE);
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        functions.forEach((name, entry) -> entry.routes().forEach(r -> routes.add(Route.of(name, definitionOf(name, entry), r))));
        pipelines.forEach((name, entry) -> entry.routes().forEach(r -> routes.add(Route.of(name, definitionOf(name, entry), r))));
        return routes;
    }
}
