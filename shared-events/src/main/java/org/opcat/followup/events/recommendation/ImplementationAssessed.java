package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A desk assessment from other sources than a visit (seed paragraph 33: human rights bodies,
 * government bodies, civil society). {@code note} may be null.
 */
public record ImplementationAssessed(
        UUID recommendationId,
        UUID assessmentId,
        LocalDate assessedOn,
        ImplementationStatus status,
        String basis,
        String note) {
}
