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
import java.util.concurrent.Semaphore;

/**
 * A streaming endpoint (any wire format: it sends what it is given) that sends the first part of a
 * stream and then lets the client down the way networks do: it drops the connection (a TCP reset),
 * or it goes quiet and holds the connection open. Or it pauses, as a model does between tokens,
 * until the test resumes it, and then sends the rest and ends the stream. WireMock can delay or
 * break a whole response, not cut or pause one half way.
 */
final class HalfStreamProvider implements AutoCloseable {

    enum Then { DROP, STALL, PAUSE }

    private final ServerSocket server;
    private final String firstPart;
    private final String rest;
    private volatile Then then = Then.DROP;
    private final CountDownLatch released = new CountDownLatch(1);
    private final Semaphore resumed = new Semaphore(0);

    HalfStreamProvider(String firstPart) throws IOException {
        this(firstPart, "");
    }

    /** {@code rest}: what a paused stream sends once resumed. */
    HalfStreamProvider(String firstPart, String rest) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.firstPart = firstPart;
        this.rest = rest;
        Thread.ofVirtual().start(this::serve);
    }

    /** What the next streams do after their first part. */
    void then(Then next) {
        this.then = next;
    }

    /** Lets one paused stream go on. */
    void resume() {
        resumed.release();
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
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, firstPart);
            Then next = then;
            if (next == Then.STALL) {
                released.await();
            }
            if (next == Then.PAUSE) {
                resumed.acquire();
                writeChunk(out, rest);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // the end of the body
                out.flush();
                return; // closed in order: the body is complete
            }
            socket.setSoLinger(true, 0); // close with a reset, not an orderly end of stream
        } catch (IOException | InterruptedException e) {
            // the client went away first: nothing to do
        }
    }

    /** One chunk of a chunked body, sent at once. */
    private static void writeChunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
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
        resumed.release(Integer.MAX_VALUE / 2);
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
