package dev.confab.door;

import java.util.Map;
import java.util.stream.Stream;

/**
 * What a door sends back: status, headers and body; or, for a streamed reply, {@code events}: the
 * JSON of each server-sent event as it comes, ending with {@code [DONE]}. Closing the events
 * stream cancels the work behind it.
 */
public record Outcome(int status, Map<String, String> headers, byte[] body, Stream<String> events) {

    public Outcome(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public boolean streamed() {
        return events != null;
    }
}
