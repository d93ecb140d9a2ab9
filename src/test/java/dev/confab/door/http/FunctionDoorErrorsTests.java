package dev.confab.door.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * A fuzz run (random seed) drew POST /createConversation with Content-Type: application/x-ndjson
 * after other requests to the function door, and Spring Cloud Function answered in that type,
 * which no converter writes: 500. The order that leads there did not reproduce on its own, so the
 * mapping is checked here directly; Findings replays the request on every door.
 */
class FunctionDoorErrorsTests {

    @Test
    void anAnswerNoConverterCanWriteIsTheCallersContentTypeNotAServerFault() {
        ResponseEntity<Map<String, Object>> answer = new FunctionDoorErrors().notWritable(
                new HttpMessageNotWritableException("No converter for [class Conversation] with preset Content-Type "
                        + "'application/x-ndjson'"));

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.getBody()).extractingByKey("error").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("code", "unsupported_media_type");
    }

    @Test
    void aNullPointerInsideSpringCloudFunctionIsTheCallersOneInConfabIsOurs() {
        NullPointerException inside = new NullPointerException();
        inside.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.lang.Class", "isAssignableFrom", null, -2),
            new StackTraceElement("org.springframework.cloud.function.context.catalog.FunctionTypeUtils",
                    "isTypeCollection", "FunctionTypeUtils.java", 120)});
        NullPointerException ours = new NullPointerException(); // thrown here, in Confab's code

        assertThat(new FunctionDoorErrors().nullInside(inside).getStatusCode().value()).isEqualTo(400);
        assertThat(new FunctionDoorErrors().nullInside(ours).getStatusCode().value()).isEqualTo(500);
    }
}
