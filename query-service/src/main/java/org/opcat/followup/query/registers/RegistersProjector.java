package org.opcat.followup.query.registers;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/** Keeps {@code query.authority} and {@code query.place}, the registers other read models join. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RegistersProjector {

    private static final Statement AUTHORITY = ReadModelWrites.statement(
            "INSERT INTO authority (authority_id, name, kind, parent_authority_id) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING");
    private static final Statement PLACE = ReadModelWrites.statement(
            "INSERT INTO place (place_id, name, type, region, authority_id) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING");

    private final ReadModelWrites writes;

    public RegistersProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AuthorityRegistered e) {
        writes.add(AUTHORITY, e.authorityId(), e.name(), e.kind().name(), e.parentAuthorityId());
    }

    @EventHandler
    void on(PlaceOfDetentionRegistered e) {
        writes.add(PLACE, e.placeId(), e.name(), e.type().name(), e.region(), e.authorityId());
    }

}
