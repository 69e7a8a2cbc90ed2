package org.opcat.followup.query.report;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A list whose elements are made from {@code sources} a slice at a time, when iterated: one slice
 * of {@code chunk} sources is turned into elements (by {@code load}, one element per source, in the
 * same order), handed out and dropped before the next is made. So a renderer that walks the list
 * once holds one slice, not the whole list. Only iteration is supported (no {@link #get}); every
 * iteration loads again, so it must happen while whatever {@code load} reads from is still there
 * (the report's transaction).
 */
final class ChunkedList<S, T> extends AbstractList<T> {

    private final List<S> sources;
    private final int chunk;
    private final Function<List<S>, List<T>> load;
    private long loadNanos;

    ChunkedList(List<S> sources, int chunk, Function<List<S>, List<T>> load) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1");
        }
        this.sources = sources;
        this.chunk = chunk;
        this.load = load;
    }

    @Override
    public int size() {
        return sources.size();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("made a slice at a time while iterated: iterate it");
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int next;
            private Iterator<T> slice = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                return slice.hasNext() || next < sources.size();
            }

            @Override
            public T next() {
                if (!slice.hasNext()) {
                    if (next >= sources.size()) {
                        throw new NoSuchElementException();
                    }
                    List<S> part = sources.subList(next, Math.min(next + chunk, sources.size()));
                    long start = System.nanoTime();
                    List<T> made = load.apply(part);
                    loadNanos += System.nanoTime() - start;
                    if (made.size() != part.size()) {
                        throw new IllegalStateException("made " + made.size() + " of " + part.size());
                    }
                    next += part.size();
                    slice = made.iterator();
                }
                return slice.next();
            }
        };
    }

    /** Time spent making elements so far (reading and assembling the slices), for the log. */
    long loadMillis() {
        return loadNanos / 1_000_000;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "[" + size() + " elements, made while iterated]";
    }
}
