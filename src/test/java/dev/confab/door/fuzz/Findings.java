package dev.confab.door.fuzz;

import static dev.confab.door.fuzz.HostileRequest.aimed;
import static dev.confab.door.fuzz.HostileRequest.stranger;

import dev.confab.door.fuzz.Seeds.Placeholder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fuzzer found, shrunk, and kept: every door gets each of these requests on every run.
 * Each says what the door answered before its fix; the statuses are those every door may answer
 * now (some doors never see a request the way another does: Tomcat refuses some before Confab
 * does, the Azure host never calls the trigger with TRACE).
 */
final class Findings {

    /** @param before what happened before the fix, on which door */
    record Finding(String before, HostileRequest request, Set<Integer> statuses) {

        @Override
        public String toString() {
            return before + ": " + request;
        }
    }

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private Findings() {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HostileRequest post(String path, String body) {
        return stranger("POST", path, false, JSON, utf8(body));
    }

    static final List<Finding> ALL = List.of(
            new Finding("Lambda: the handler threw (a failed invocation, 502 from API Gateway)",
                    stranger("POST", "/personas%", true, JSON, null), Set.of(400, 404)), // the Azure host encodes a lone %
            new Finding("every door: 503, the user id did not fit its column",
                    post("/conversations", "{\"user_id\": \"" + "u".repeat(201) + "\"}"), Set.of(422)),
            new Finding("every door: 503, the id did not fit its column",
                    post("/personas", "{\"name\": \"long id\", \"id\": \"" + "i".repeat(65) + "\"}"), Set.of(422)),
            new Finding("every door: 503, the category did not fit its column",
                    post("/personas", "{\"name\": \"long category\", \"category\": \"" + "c".repeat(201) + "\"}"),
                    Set.of(422)),
            new Finding("every door: 503 after the user's message was stored, the reply's model did not fit",
                    post("/chat", "{\"input\": \"hi\", \"model\": \"local-" + "m".repeat(200) + "\"}"), Set.of(422)),
            new Finding("every door: 503, the message type did not fit its column",
                    post("/chat", "{\"input\": \"hi\", \"message_type\": \"" + "t".repeat(21) + "\"}"), Set.of(422)),
            new Finding("HTTP: 500, a reply adapter called by name with a reply that is not whole",
                    post("/completionReply", "{}"), Set.of(400, 404, 422)),
            new Finding("every door: the tokenizer's assertion failed on text that is not Unicode",
                    post("/chat", "{\"input\": \"\\ud800\"}"), Set.of(400)),
            new Finding("Azure: the decoded path read '%25x' as a broken escape (400 in the core envelope)",
                    stranger("GET", "/chat-config/%25x", false, Map.of(), null), Set.of(404)),
            new Finding("HTTP: Tomcat's HTML page for a header it refused",
                    stranger("GET", "/system-prompts", false, Map.of("X-User-Id", "\u0000"), null), Set.of(200, 400)),
            new Finding("HTTP: the route's envelope was the core's for a body over the limit on POST /",
                    stranger("POST", "/", false, JSON, utf8("{\"prompt\": \"" + "p".repeat(HostileText.MAX_BODY) + "\"}")),
                    Set.of(413)),
            new Finding("HTTP: a bare 405 from Tomcat", stranger("TRACE", "/personas", false, Map.of(), null),
                    Set.of(405)),
            new Finding("HTTP: 500, Spring Cloud Function's door takes no HEAD",
                    stranger("HEAD", "/no/such/route", false, JSON, null), Set.of(404)),
            new Finding("HTTP: 404 without a body for an Accept header no one can parse",
                    stranger("GET", "/no/such/route", false, Map.of("Accept", "?"), null), Set.of(404)),
            new Finding("HTTP: 500, /error asked for by name",
                    stranger("GET", "/error", true, Map.of(), null), Set.of(404)),
            new Finding("HTTP: 500, Spring Cloud Function's door handed the unparsed body to the function",
                    stranger("POST", "/createPersona", false, JSON, utf8("{\"name\": ")), Set.of(400, 404)),
            new Finding("HTTP: 500, a POST to a supplier on Spring Cloud Function's door",
                    stranger("POST", "/listSystemPrompts", false, JSON, null), Set.of(400, 404)),
            new Finding("HTTP: the multipart body was consumed unseen and the persona DELETED (200)",
                    aimed(Draft.of("DELETE", "/personas/" + Placeholder.CONFIG_ID.token(), null, Map.of())
                            .body(utf8("{}")).header("Content-Type", "multipart/form-data; boundary=x"),
                            "Content-Type: multipart/form-data"), Set.of(415)),
            new Finding("HTTP (same cause): a form body of a PATCH was consumed unseen, an empty change",
                    aimed(Draft.of("PATCH", "/conversations/" + Placeholder.CONVERSATION_ID.token(), null, Map.of())
                            .body(utf8("title=changed")).header("Content-Type", "application/x-www-form-urlencoded"),
                            "Content-Type: application/x-www-form-urlencoded"), Set.of(415)),
            new Finding("HTTP: 500, Spring Cloud Function's router called with no function named",
                    stranger("PUT", "/functionRouter", false, JSON, null), Set.of(400, 404, 405)),
            new Finding("HTTP: the WebSocket handshake's plain-text 400 for a GET without Upgrade",
                    stranger("GET", "/ws/chat/anything", false, JSON, null), Set.of(400, 404)),
            new Finding("HTTP: Spring's plain-text 403 'Invalid CORS request' for a malformed Origin on a path no route takes",
                    stranger("POST", "/./personas", true, Map.of("Content-Type", "application/json",
                            "Origin", "%' UNION SELECT id, document FROM personas --"), null), Set.of(400, 403, 404)),
            new Finding("HTTP on PostgreSQL: 503, a NUL character handed as it came to a function that takes a string",
                    stranger("POST", "/getPersona", false, JSON, new byte[] {0}), Set.of(400, 404)),
            new Finding("HTTP: no answer, Spring Cloud Function's door copied 8 KB of request headers into its answer"
                    + " and Tomcat could not fit them in its 8 KB for response headers",
                    stranger("POST", "/lambdaDoor", false, Map.of("Content-Type", "application/json",
                            "X-User-Id", "v".repeat(4000), "Accept-Charset", "v".repeat(4000)), null),
                    Set.of(200, 400, 404)),
            new Finding("HTTP: 500, Spring Cloud Function's door answering in the request's application/x-ndjson",
                    stranger("POST", "/createConversation", true, Map.of("Content-Type", "application/x-ndjson"),
                            utf8("{}")), Set.of(200, 201, 400, 404, 415)),
            new Finding("HTTP: the list itself, as an HTTP/0.9 answer (body only), for a target a CR LF broke off"
                    + " before its protocol (the Lambda and Azure doors get the whole query: an invalid limit)",
                    stranger("GET", "/personas?limit=5\r\nSet-Cookie: stolen=1", false, Map.of(), null),
                    Set.of(Door.Answer.NONE, 422)),
            new Finding("HTTP: 500, Spring Cloud Function's door ran a composition that starts with a supplier on a"
                    + " PUT with a JSON array and failed looking up the supplier's input type",
                    stranger("PUT", "/health,createPersona", false, JSON, utf8("[]")), Set.of(400, 404, 405)),
            new Finding("HTTP: 500, Spring's media type parser threw StringIndexOutOfBoundsException for an Accept"
                    + " value that starts with a double quote (spring-framework#36971), in Spring Boot's welcome page"
                    + " mapping, which sees every request no route takes",
                    stranger("POST", "/./personas", true, Map.of("Content-Type", "application/json",
                            "Accept", "\"><svg/onload=alert(1)>"), null), Set.of(400, 404, 406)),
            new Finding("HTTP (same cause): 500 on Spring Cloud Function's door, which chooses its answer's type",
                    stranger("POST", "/createConversation", true, Map.of("Content-Type", "application/json",
                            "Accept", "\"application/json\""), utf8("{}")), Set.of(200, 201, 400, 404)),
            new Finding("HTTP: 500, the WebSocket path read the headers of a plain GET and Spring refused its"
                    + " Content-Type: */*",
                    stranger("GET", "/ws/chat/anything", false, Map.of("Content-Type", "*/*"), null),
                    Set.of(400, 404)),
            new Finding("HTTP: an empty 400 (no envelope) from Tomcat's own answer to OPTIONS * when its request"
                    + " headers were over the 8 KB limit",
                    stranger("OPTIONS", "*", false, Map.of("X-User-Id", "v".repeat(9000)), null),
                    Set.of(400, 404, 405)),
            new Finding("HTTP: 500, Spring Cloud Function's door handed a turn's unpaired surrogate to the"
                    + " tokenizer, which asserts against it (the catalog's routes refused it; found on PostgreSQL)",
                    post("/chatStream", "{\"input\":\"\\ud800\"}"), Set.of(400, 404)));
}
