package org.opcat.followup.command.recommendation;

import java.util.UUID;

/** Set-based uniqueness of human references ({@code 2026/V-017/R-03}) across all recommendations. */
public interface ReferenceRegistry {

    /**
     * Claims {@code reference} for {@code recommendationId} in the current transaction, so the claim
     * and the issued event commit or roll back together.
     *
     * @return false if another recommendation holds it
     */
    boolean claim(String reference, UUID recommendationId);
}
