package dev.confab.door.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket (RFC 6455), so that frames can be anything: text that is not
 * UTF-8, reserved bits, unknown opcodes, unmasked or fragmented frames, oversized control frames,
 * which no WebSocket library sends.
 */
final class WebSocketWire implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** What the server sent: a frame (text decoded), its close code, or the connection's end. */
    record Event(int opcode, String text, int closeCode, boolean ended) {

        static Event end() {
            return new Event(-1, null, 0, true);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int handshakeStatus;

    private WebSocketWire(Socket socket, int handshakeStatus) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.handshakeStatus = handshakeStatus;
    }

    static WebSocketWire open(int port, String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new EOFException("the handshake ended early: " + head);
            }
            head.write(b);
        }
        int status = Integer.parseInt(head.toString(StandardCharsets.ISO_8859_1).split(" ")[1]);
        return new WebSocketWire(socket, status);
    }

    int handshakeStatus() {
        return handshakeStatus;
    }

    /** Sends one frame as given; {@code rsv} sets the reserved bits (0 in every valid frame). */
    void send(int opcode, boolean fin, boolean masked, int rsv, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xF);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(mask | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xFF);
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.write(key, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ (masked ? key[i % 4] : 0));
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The server's next frame, put together when fragmented; the end when the connection closed. */
    Event next() throws IOException {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            int opcode = first & 0xF;
            if (opcode == CLOSE) {
                int code = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : 1005;
                return new Event(CLOSE, null, code, false);
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            if ((first & 0x80) == 0) { // a fragment: the rest follows in continuation frames
                Event rest = next();
                return new Event(opcode, text + rest.text(), 0, false);
            }
            return new Event(opcode, text, 0, false);
        } catch (EOFException end) {
            return Event.end();
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("the server sent nothing for 20 s", silent);
        } catch (IOException reset) {
            if (socket.isClosed() || reset.getMessage() != null && reset.getMessage().contains("reset")) {
                return Event.end();
            }
            throw reset;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
