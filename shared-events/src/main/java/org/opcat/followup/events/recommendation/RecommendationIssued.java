package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The NPM made a recommendation. {@code placeId} is null for systemic recommendations;
 * {@code responseDueOn} is null when no deadline was set.
 *
 * <p>Revision 2 added {@code scope}. Revision 1 events (stored without a revision) are read by the
 * event store's upcaster with scope PLACE_SPECIFIC when they name a place, SYSTEMIC otherwise.
 */
@Revision(RecommendationIssued.REVISION)
public record RecommendationIssued(
        UUID recommendationId,
        String reference,
        String title,
        String text,
        String language,
        LocalDate issuedOn,
        Source source,
        UUID placeId,
        List<UUID> addresseeAuthorityIds,
        List<String> themes,
        Scope scope,
        Priority priority,
        List<String> standards,
        LocalDate responseDueOn,
        boolean confidential) {

    public static final String REVISION = "2";

    public RecommendationIssued {
        addresseeAuthorityIds = List.copyOf(addresseeAuthorityIds);
        themes = List.copyOf(themes);
        standards = List.copyOf(standards);
    }
}
