package org.opcat.followup.query.http;

import java.util.List;

/** One page of a list answer: {content, page, size, totalElements, totalPages}; pages count from 0. */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> Page<T> of(List<T> content, PageRequest request, long totalElements) {
        int totalPages = (int) ((totalElements + request.size() - 1) / request.size());
        return new Page<>(content, request.page(), request.size(), totalElements, totalPages);
    }
}
