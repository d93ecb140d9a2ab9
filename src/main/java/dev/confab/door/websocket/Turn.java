package dev.confab.door.websocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.SignalType;

/**
 * Sends one turn's frames in order. Subscribing hands the connection a handle before anything is
 * sent, so a client that leaves at any moment cancels the turn; so does a send that fails.
 */
final class Turn extends BaseSubscriber<Frame> {

    private static final Logger log = LoggerFactory.getLogger(Turn.class);

    private final Connection connection;

    Turn(Connection connection) {
        this.connection = connection;
    }

    @Override
    protected void hookOnNext(Frame frame) {
        if (frame.endsTurn()) {
            // free the connection before the client hears the end, or its next message could find it busy
            connection.end(this);
        }
        if (!connection.send(frame)) {
            cancel();
            return;
        }
        if (frame.isError(Frame.BRAND_NOT_FOUND)) {
            // the brand was deleted or deactivated while the connection was open
            connection.close(BrandChatHandler.BRAND_NOT_FOUND);
        }
    }

    @Override
    protected void hookOnError(Throwable failure) {
        // BrandTurns turns failures into error frames; this is a bug, not a client's problem
        log.error("websocket turn ended with an unhandled failure", failure);
    }

    @Override
    protected void hookFinally(SignalType type) {
        connection.end(this);
    }
}
