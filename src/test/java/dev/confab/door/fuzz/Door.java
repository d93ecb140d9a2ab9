package dev.confab.door.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** One of Confab's doors as the fuzzer sees it: raw requests in, raw answers out. */
interface Door {

    /**
     * Sends one request. Empty when the door's host would never hand such a request to Confab (the
     * Azure Functions host calls the trigger only with the methods it declares).
     */
    Optional<Answer> send(String method, String target, Map<String, String> headers, byte[] body);

    /** @param headers names in lower case */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        /**
         * The status of an HTTP/0.9 answer, which has no status line and no headers: Tomcat answers
         * so when a request line breaks off before its protocol.
         */
        static final int NONE = 0;

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }
}
