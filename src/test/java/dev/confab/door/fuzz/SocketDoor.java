package dev.confab.door.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local HTTP door through a plain socket: the request goes out byte for byte as generated
 * (raw paths, CRLF in header values, any method, any body), which no HTTP client library allows.
 * One connection per request ({@code Connection: close}), read to its end.
 */
final class SocketDoor implements Door {

    private static final int TIMEOUT_MS = 30_000;

    private final int port;

    SocketDoor(int port) {
        this.port = port;
    }

    @Override
    public Optional<Answer> send(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        if (body != null) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        headers.forEach((name, value) -> write(request, name + ": " + value + "\r\n"));
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            // read while writing: a server that refuses the head closes without reading the body,
            // and its answer must be read before our unread bytes make the connection reset
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> readAll(socket, response));
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.toByteArray());
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refused) {
                writeFailure = refused;
            }
            reader.join(TIMEOUT_MS);
            byte[] answer;
            synchronized (response) {
                answer = response.toByteArray();
            }
            if (answer.length == 0) {
                throw new UncheckedIOException(method + " " + target + " got no answer",
                        writeFailure != null ? writeFailure : new IOException("the connection closed"));
            }
            return Optional.of(parse(answer, method));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void readAll(Socket socket, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (into) {
                    into.write(buffer, 0, n);
                }
            }
        } catch (IOException reset) {
            // the server closed hard after answering; what it sent before is kept
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An HTTP/1.1 response; interim (1xx) responses are skipped, a chunked body is put together. */
    static Answer parse(byte[] response, String method) {
        if (!new String(response, 0, Math.min(5, response.length), StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            return new Answer(Answer.NONE, Map.of(), response);
        }
        int start = 0;
        while (true) {
            int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            if (end < 0) {
                throw new IllegalStateException("no complete response: "
                        + new String(response, StandardCharsets.ISO_8859_1));
            }
            String[] head = new String(response, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.putIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
            start = end + 4;
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] rest = Arrays.copyOfRange(response, start, response.length);
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest)
                    : method.equalsIgnoreCase("HEAD") ? new byte[0] : rest;
            return new Answer(status, headers, body);
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
