package org.opcat.followup.query.report;

import java.util.List;
import java.util.function.Function;
import org.opcat.followup.query.SlicedList;

/**
 * A {@link SlicedList} with one element per source, in the same order: the report's lists of
 * recommendations, whose length the renderers show before they walk them.
 */
final class ChunkedList<S, T> extends SlicedList<S, T> {

    ChunkedList(List<S> sources, int chunk, Function<List<S>, List<T>> load) {
        super(sources, chunk, load);
    }

    @Override
    protected void check(List<S> part, List<T> made) {
        if (made.size() != part.size()) {
            throw new IllegalStateException("made " + made.size() + " of " + part.size());
        }
    }

    @Override
    public int size() {
        return sources.size();
    }

    @Override
    public String toString() {
        return "[" + size() + " elements, made while iterated]";
    }
}
