package dev.confab.door;

import java.util.Map;

/** What a door sends back: status, headers and body. */
public record Outcome(int status, Map<String, String> headers, byte[] body) {
}
