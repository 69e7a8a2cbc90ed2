package org.opcat.followup.command.authority;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.opcat.followup.events.authority.AuthorityKind;

/** The commands an authority accepts, declared apart from the aggregate as every aggregate's are. */
public final class AuthorityCommands {

    private AuthorityCommands() {
    }

    public record RegisterAuthority(@TargetAggregateIdentifier UUID authorityId, String name, AuthorityKind kind,
            UUID parentAuthorityId) {
    }
}
