package org.opcat.followup.command;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The registers as a fixture states them; the JDBC version is covered by the API tests. */
public class KnownRecords implements Registers {

    public final Set<UUID> authorities = new HashSet<>();
    public final Set<UUID> places = new HashSet<>();
    public final Set<UUID> recommendations = new HashSet<>();

    @Override
    public Optional<String> typeOf(UUID id) {
        if (authorities.contains(id)) {
            return Optional.of("Authority");
        }
        if (places.contains(id)) {
            return Optional.of("PlaceOfDetention");
        }
        return recommendations.contains(id) ? Optional.of("Recommendation") : Optional.empty();
    }
}
