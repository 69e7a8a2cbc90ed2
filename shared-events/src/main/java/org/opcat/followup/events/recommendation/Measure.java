package org.opcat.followup.events.recommendation;

import java.time.LocalDate;

/** One step of an authority's action plan: what, by which unit, by when. */
public record Measure(String description, String responsibleUnit, LocalDate targetDate) {
}
