package org.opcat.followup.query;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A list whose elements are made from {@code sources} a slice at a time, when iterated: one slice
 * of {@code chunk} sources is turned into elements by {@code load} (any number of them, in order),
 * handed out and dropped before the next is made. So a writer that walks the list once (the annual
 * report's renderers, the spreadsheet export) holds one slice, not the whole list. Only iteration is
 * supported: there is no {@link #get}, and how many elements there are is not known before they are
 * made. Every iteration loads again, so it must happen while whatever {@code load} reads from is
 * still there (the report's or the export's transaction).
 */
public class SlicedList<S, T> extends AbstractList<T> {

    protected final List<S> sources;
    private final int chunk;
    private final Function<List<S>, List<T>> load;
    private long loadNanos;

    public SlicedList(List<S> sources, int chunk, Function<List<S>, List<T>> load) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1");
        }
        this.sources = sources;
        this.chunk = chunk;
        this.load = load;
    }

    /** A hook to check one slice's elements against its sources; any number is fine here. */
    protected void check(List<S> part, List<T> made) {
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int next;
            private Iterator<T> slice = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!slice.hasNext() && next < sources.size()) {
                    List<S> part = sources.subList(next, Math.min(next + chunk, sources.size()));
                    long start = System.nanoTime();
                    List<T> made = load.apply(part);
                    loadNanos += System.nanoTime() - start;
                    check(part, made);
                    next += part.size();
                    slice = made.iterator();
                }
                return slice.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return slice.next();
            }
        };
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("made a slice at a time while iterated: iterate it");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("made a slice at a time while iterated: its size is not known");
    }

    /** Time spent making elements so far (reading and assembling the slices), for the log. */
    public long loadMillis() {
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
        return "[elements of " + sources.size() + " sources, made while iterated]";
    }
}
