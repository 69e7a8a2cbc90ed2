package org.opcat.followup.command.recommendation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A primary key does the set-based check: a concurrent claim of the same reference waits on the
 * index until the first transaction ends, then sees it taken.
 */
@Component
public class JdbcReferenceRegistry implements ReferenceRegistry {

    private final JdbcTemplate jdbc;

    JdbcReferenceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String reference, UUID recommendationId) {
        String key = ReferenceKey.of(reference);
        jdbc.update("INSERT INTO events.recommendation_reference (reference, recommendation_id) VALUES (?, ?) "
                + "ON CONFLICT (reference) DO NOTHING", key, recommendationId);
        UUID holder = jdbc.queryForObject(
                "SELECT recommendation_id FROM events.recommendation_reference WHERE reference = ?", UUID.class, key);
        return recommendationId.equals(holder);
    }

    /**
     * Claims judged as this registry would, but kept in memory and never written: for trying
     * commands out (the import's dry run). Each claim holds for the registry returned only.
     */
    public ReferenceRegistry tentative() {
        Map<String, UUID> claimed = new HashMap<>();
        return (reference, recommendationId) -> {
            String key = ReferenceKey.of(reference);
            UUID holder = claimed.computeIfAbsent(key, k -> jdbc.queryForList(
                    "SELECT recommendation_id FROM events.recommendation_reference WHERE reference = ?", UUID.class, k)
                    .stream().findFirst().orElse(recommendationId));
            return recommendationId.equals(holder);
        };
    }
}
