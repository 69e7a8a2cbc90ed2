package org.opcat.followup.query.registers;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.query.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code query.authority} and {@code query.place}, the registers other read models join. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RegistersProjector {

    private final JdbcTemplate jdbc;

    public RegistersProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuthorityRegistered e) {
        jdbc.update("INSERT INTO authority (authority_id, name, kind, parent_authority_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", e.authorityId(), e.name(), e.kind().name(), e.parentAuthorityId());
    }

    @EventHandler
    void on(PlaceOfDetentionRegistered e) {
        jdbc.update("INSERT INTO place (place_id, name, type, region, authority_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", e.placeId(), e.name(), e.type().name(), e.region(), e.authorityId());
    }

}
