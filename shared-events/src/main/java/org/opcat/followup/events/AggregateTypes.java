package org.opcat.followup.events;

/**
 * The aggregate types the event store records beside every event (its {@code type} column): the
 * aggregate classes' simple names, Axon's default. Readers that pick events or ids by type
 * compare with these, so the names are spelled once.
 */
public final class AggregateTypes {

    public static final String RECOMMENDATION = "Recommendation";
    public static final String AUTHORITY = "Authority";
    public static final String PLACE_OF_DETENTION = "PlaceOfDetention";

    private AggregateTypes() {
    }
}
