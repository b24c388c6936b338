package org.civicloop.deliberation.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.deliberation.LiveBus;
import org.civicloop.deliberation.LiveViews;

/**
 * The live channel of one session, opened with the session's screen key by projectors, juror phones and the
 * facilitator's console. It only ever carries the public state (aggregates, no names); inputs go through the REST
 * API. On open the full current state is sent at once, so a screen that reconnects after a network drop is
 * up to date immediately. Each connection sends the latest state only: if a screen is slow, older states it has
 * not received yet are replaced by the newest. "ping" is answered with "pong" (the client's heartbeat).
 */
@ServerEndpoint("/live/socket/{key}")
public class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

    private LiveBus.Subscription subscription;
    private Outbox outbox;

    @OnOpen
    public void open(Session ws, @PathParam("key") String key) throws IOException {
        Optional<LiveViews.Opened> found = CDI.current().select(LiveViews.class).get().open(key);
        if (found.isEmpty()) {
            ws.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unknown session"));
            return;
        }
        ws.setMaxIdleTimeout(120_000);
        long sessionId = found.get().sessionId();
        outbox = new Outbox(ws);
        LiveBus bus = CDI.current().select(LiveBus.class).get();
        subscription = bus.subscribe(sessionId, e -> outbox.offer(e.json()));
        outbox.offer(found.get().json());
    }

    @OnMessage
    public void message(Session ws, String text) {
        if ("ping".equals(text) && outbox != null) {
            outbox.offer("pong");
        }
    }

    @OnClose
    public void close(Session ws) {
        if (subscription != null) {
            subscription.close();
        }
    }

    @OnError
    public void error(Session ws, Throwable t) {
        LOG.log(Level.FINE, "Live socket error", t);
        close(ws);
    }

    /** Sends one message at a time; a newer message waiting replaces an older one (screens need the latest). */
    static final class Outbox {
        private final Session ws;
        private final AtomicReference<String> pending = new AtomicReference<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        Outbox(Session ws) {
            this.ws = ws;
        }

        void offer(String text) {
            if ("pong".equals(text)) {
                pending.compareAndSet(null, text);
            } else {
                pending.set(text);
            }
            drain();
        }

        private void drain() {
            while (pending.get() != null && sending.compareAndSet(false, true)) {
                String next = pending.getAndSet(null);
                if (next == null) {
                    sending.set(false);
                    continue;
                }
                if (!ws.isOpen()) {
                    return;
                }
                try {
                    ws.getAsyncRemote().sendText(next, result -> {
                        sending.set(false);
                        if (result.isOK()) {
                            drain();
                        }
                    });
                    return;
                } catch (RuntimeException e) {
                    sending.set(false);
                    LOG.log(Level.FINE, "Could not send to a live screen", e);
                    return;
                }
            }
        }
    }
}
