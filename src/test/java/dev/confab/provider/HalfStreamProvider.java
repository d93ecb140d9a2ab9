package dev.confab.provider;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An OpenAI-style streaming endpoint that sends the first part of a stream and then lets the
 * client down the way networks do: it drops the connection (a TCP reset), or it goes quiet and
 * holds the connection open. WireMock can delay or break a whole response, not cut one half way.
 */
final class HalfStreamProvider implements AutoCloseable {

    enum Then { DROP, STALL }

    private final ServerSocket server;
    private final String firstPart;
    private volatile Then then = Then.DROP;
    private final CountDownLatch released = new CountDownLatch(1);

    HalfStreamProvider(String firstPart) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.firstPart = firstPart;
        Thread.ofVirtual().start(this::serve);
    }

    /** What the next streams do after their first part. */
    void then(Then next) {
        this.then = next;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            skipRequest(in);
            OutputStream out = socket.getOutputStream();
            byte[] chunk = firstPart.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (then == Then.STALL) {
                released.await();
            }
            socket.setSoLinger(true, 0); // close with a reset, not an orderly end of stream
        } catch (IOException | InterruptedException e) {
            // the client went away first: nothing to do
        }
    }

    /** Reads the request's headers and its Content-Length body. */
    private static void skipRequest(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            headers.append((char) b);
        }
        int length = headers.toString().lines()
                .filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
    }

    @Override
    public void close() {
        released.countDown();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
