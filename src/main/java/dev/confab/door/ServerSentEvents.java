package dev.confab.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/** A function's stream of events as the outcome of a call: server-sent events, ended by [DONE]. */
final class ServerSentEvents {

    private static final Map<String, String> SSE = Map.of("Content-Type", "text/event-stream",
            "Cache-Control", "no-cache", "X-Accel-Buffering", "no");

    private ServerSentEvents() {
    }

    /**
     * Answers as server-sent events once the first event is there: a failure before it (the
     * provider refused, say) is still a plain error with its status; a failure after it ends the
     * stream with an error event. Signals are read in order, so events that came before a failure
     * are sent before its error event (a blocking iterator would throw the failure first).
     */
    static Outcome of(Flux<?> events, ObjectMapper mapper, Function<Throwable, Outcome> failed) {
        Stream<Signal<String>> signals = events.map(event -> json(mapper, event)).materialize().toStream();
        Iterator<Signal<String>> source = signals.iterator();
        Signal<String> first = source.next();
        if (first.isOnError()) {
            signals.close();
            return failed.apply(first.getThrowable());
        }
        Iterator<String> rest = new Iterator<>() {
            private Signal<String> pending = first;
            private boolean ended;

            @Override
            public boolean hasNext() {
                return !ended;
            }

            @Override
            public String next() {
                // read only when asked: an event goes out as soon as it is there
                Signal<String> signal = pending != null ? pending : source.next();
                pending = null;
                if (signal.isOnNext()) {
                    return signal.get();
                }
                ended = true;
                if (signal.isOnError()) {
                    return new String(failed.apply(signal.getThrowable()).body(), StandardCharsets.UTF_8);
                }
                return "[DONE]";
            }
        };
        Stream<String> all = StreamSupport.stream(Spliterators.spliteratorUnknownSize(rest, Spliterator.ORDERED), false);
        return new Outcome(200, SSE, new byte[0], all.onClose(signals::close));
    }

    private static String json(ObjectMapper mapper, Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }
}
