package org.opcat.followup.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's aggregate cache, holding only what the database has committed. A cached recommendation
 * saves every command two reads (snapshot and events) of the event store (docs/benchmarks.md).
 *
 * <p>Why not Axon's cache as it is: it stores an aggregate when the unit of work commits and
 * forgets it when the unit of work rolls back; but the import stores a file in chunks, many units
 * of work inside one Spring transaction that can fail after them (a row refused by a change made
 * since validation). Axon's cache would then keep states whose events were never stored, and the
 * next command would append to a history that does not exist. Here a state is stored only once the outermost transaction has
 * committed, and forgotten when it rolls back.
 *
 * <p>Several command-service instances: a state cached here may be stale once another instance
 * has appended to the same recommendation. The append then fails on the event table's unique
 * (aggregate, sequence) key, the unit of work rolls back, Axon evicts the entry, and the command
 * runs again on the stored history ({@link StaleStateRetry}). Nothing wrong is ever stored.
 */
final class CommittedAggregateCache implements Cache {

    /**
     * The most recently used states, bounded so the heap stays small. Not Axon's WeakReferenceCache:
     * weak references are cleared by the next young collection, which under load comes every few
     * hundred milliseconds, so it would rarely hit.
     */
    private final Map<Object, Object> committed;

    CommittedAggregateCache(int capacity) {
        this.committed = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        synchronized (committed) {
            return (V) committed.get(key);
        }
    }

    private void store(Object key, Object value) {
        synchronized (committed) {
            committed.put(key, value);
        }
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store(key, value);
            return;
        }
        // Until the transaction ends, nobody may use the previous state as if it were current.
        remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    store(key, value);
                } else {
                    remove(key);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = get(key);
        if (current != null) {
            put(key, update.apply(current));
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (committed) {
            return committed.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (committed) {
            committed.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (committed) {
            return committed.containsKey(key);
        }
    }

    /** Axon's aggregate repositories register no listeners; nothing here would call them. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
