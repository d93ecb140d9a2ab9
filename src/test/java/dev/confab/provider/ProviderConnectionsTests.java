package dev.confab.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.ConfabApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The providers' connections close with the application: a keep-alive connection the OpenAI client
 * pooled is closed when the context closes, not left to its idle timeout (30 s). The provider is a
 * one-connection HTTP server on loopback that answers one Chat Completions call, then waits for the
 * client to hang up.
 */
class ProviderConnectionsTests {

    private static final String COMPLETION = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}""";

    @Test
    void aPooledProviderConnectionIsClosedWhenTheApplicationCloses() throws Exception {
        try (ServerSocket provider = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConfigurableApplicationContext application = new SpringApplicationBuilder(ConfabApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--spring.ai.openai.api-key=sk-test",
                            "--spring.ai.openai.base-url=http://127.0.0.1:" + provider.getLocalPort(),
                            "--CONFAB_DATA_DIR=" + Files.createTempDirectory("confab-connections"));
            ChatModels models = application.getBean(ChatModels.class);
            Thread call = Thread.ofVirtual().start(() -> models.chain("gpt-4o").get(0).chatModel().call(new Prompt("Hello")));
            try (Socket connection = provider.accept()) {
                InputStream in = connection.getInputStream();
                answerOneCall(in, connection.getOutputStream());
                call.join();

                application.close();

                connection.setSoTimeout(10_000); // a bound on the test, not a timing: the close is awaited
                assertThat(in.read()).as("end of stream: the client closed its pooled connection").isEqualTo(-1);
            }
        }
    }

    /** Reads one HTTP/1.1 request (headers, then its body, sized or chunked) and answers it, keeping the connection. */
    private static void answerOneCall(InputStream in, OutputStream out) throws IOException {
        BufferedReader request = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1);
        int length = 0;
        boolean chunked = false;
        for (String line; (line = request.readLine()) != null && !line.isEmpty(); ) {
            String header = line.toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
            chunked |= header.startsWith("transfer-encoding:") && header.contains("chunked");
        }
        if (chunked) {
            for (int size; (size = Integer.parseInt(request.readLine().trim(), 16)) > 0; ) {
                request.skip(size);
                request.readLine();
            }
            request.readLine();
        } else {
            request.skip(length);
        }
        byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }
}
