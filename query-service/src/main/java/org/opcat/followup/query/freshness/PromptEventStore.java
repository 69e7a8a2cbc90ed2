package org.opcat.followup.query.freshness;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded event store, with streams that tell a pooled streaming processor when events
 * arrive. Axon's pooled coordinator asks its stream for an "events available" callback; the
 * embedded store's streams offer none, and the coordinator then looks again only every 500 ms
 * (hard-coded), which put write-to-visible at about half a second whatever the fetch delay.
 *
 * <p>Each stream opened here gets a watcher: a daemon thread tailing a second stream of the same
 * store from its head. Both read the store's shared event cache, which its producer fills every
 * fetch delay, so when the watcher sees an event the processor's stream can read it too, and the
 * callback wakes the coordinator at once.
 */
public class PromptEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(PromptEventStore.class);

    public PromptEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WatchedStream(super.openStream(trackingToken));
    }

    private TrackingEventStream openPlainStream(TrackingToken trackingToken) {
        return super.openStream(trackingToken);
    }

    private final class WatchedStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile boolean closed;
        private Thread watcher;

        WatchedStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (watcher != null || closed) {
                return watcher != null;
            }
            watcher = new Thread(() -> watch(callback), "event-arrival-watcher");
            watcher.setDaemon(true);
            watcher.start();
            return true;
        }

        private void watch(Runnable callback) {
            try (TrackingEventStream arrivals = openPlainStream(createHeadToken())) {
                while (!closed) {
                    if (arrivals.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (arrivals.hasNextAvailable()) {
                            arrivals.nextAvailable();
                        }
                        callback.run();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The coordinator falls back to looking every 500 ms on its own; say why it got slower.
                if (!closed) {
                    log.warn("Event arrival watcher stopped; the read-model processor now polls every 500 ms", e);
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
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
            closed = true;
            if (watcher != null) {
                watcher.interrupt();
            }
            delegate.close();
        }
    }
}
