package org.opcat.followup.query.freshness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the read-model processor as soon as command-service (another JVM) commits events, instead
 * of leaving it to find them on its next look. The event table announces every committed INSERT on
 * channel {@value #CHANNEL} (event-store migration V2026_12_04_05); this bean listens on a
 * connection of its own, outside the pool, so that listening never takes a connection from queries.
 *
 * <p>Waking uses the hook Axon's pooled processor has for it: the "events available" callback of
 * its stream ({@link #announcing}). With it, the coordinator runs at once on a notification; without
 * one (Axon's embedded streams offer none) it looks again only every 500 ms, on a timer nothing can
 * cut short (docs/adr/0007-freshness-listen-notify.md).
 *
 * <p>If the connection is lost, it is opened again with a growing pause; meanwhile, and for a
 * notification lost with it, the coordinator still looks on its own every token-claim interval.
 */
@Component
public class EventArrivals implements SmartLifecycle {

    static final String CHANNEL = "events_appended";

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);
    /** How long to wait for a notification before checking that the connection is still alive. */
    private static final int LISTEN_MILLIS = 30_000;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private volatile Connection connection;
    private volatile long wakes;
    private Thread listener;

    public EventArrivals(DataSourceProperties database) {
        this.database = database;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "event-arrivals");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                // abort, not close: close would wait for the listening call to return.
                open.abort(Runnable::run);
            } catch (SQLException e) {
                log.debug("Closing the listening connection failed", e);
            }
        }
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many times this instance has woken the processor (for tests and diagnosis). */
    public long wakes() {
        return wakes;
    }

    private void listen() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try (Connection open = connect()) {
                connection = open;
                if (!pause.equals(Duration.ofSeconds(1))) {
                    log.info("Listening for new events on channel {} again", CHANNEL);
                }
                pause = Duration.ofSeconds(1);
                // Events may have arrived while no one listened.
                wake();
                PGConnection notifications = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(LISTEN_MILLIS);
                    if (arrived != null && arrived.length > 0) {
                        wake();
                    } else if (!open.isValid(5)) {
                        throw new SQLException("the listening connection no longer answers");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for new events failed ({}); the read models still find them on their own, more slowly."
                        + " Trying again in {} s", e.toString(), pause.toSeconds());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        if (database.determineUsername() != null) {
            credentials.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            credentials.setProperty("password", database.determinePassword());
        }
        credentials.setProperty("ApplicationName", "query-service event arrivals");
        Connection open = DriverManager.getConnection(database.determineUrl(), credentials);
        open.setAutoCommit(true);
        try (Statement listen = open.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        return open;
    }

    /** Tells every open stream of the processor that events arrived: its coordinator looks now. */
    void wake() {
        wakes++;
        callbacks.forEach(Runnable::run);
    }

    /**
     * The event store as the read-model processor reads it: the same streams, except that they
     * accept the coordinator's "events available" callback, which Axon's embedded streams decline,
     * and call it when the event table announces a commit.
     */
    public StreamableMessageSource<TrackedEventMessage<?>> announcing(
            StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return new AnnouncedStream(store.openStream(token));
            }

            @Override
            public TrackingToken createTailToken() {
                return store.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return store.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return store.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return store.createTokenSince(duration);
            }
        };
    }

    private final class AnnouncedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        AnnouncedStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public synchronized void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
