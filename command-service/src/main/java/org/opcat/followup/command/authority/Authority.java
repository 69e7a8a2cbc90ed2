package org.opcat.followup.command.authority;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.Registers;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.command.refusal.Repeats;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.authority.AuthorityRegistered;

/** A body recommendations are addressed to, optionally under a supervising body (seed paragraph 34). */
@Aggregate
public class Authority {

    @AggregateIdentifier
    private UUID authorityId;
    private AuthorityRegistered registered;

    protected Authority() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public UUID handle(RegisterAuthority command, Registers registers) {
        var event = new AuthorityRegistered(command.authorityId(), command.name().strip(), command.kind(),
                command.parentAuthorityId());
        if (Repeats.isRepeat(registered, event, "authorityId", authorityId)) {
            return authorityId;
        }
        // A new body cannot be anyone's parent yet, so requiring an existing parent rules out cycles.
        if (event.parentAuthorityId() != null && !registers.hasAuthority(event.parentAuthorityId())) {
            throw new UnknownId("parentAuthorityId", ProblemCode.UNKNOWN_AUTHORITY, event.parentAuthorityId());
        }
        apply(event);
        return authorityId;
    }

    @EventSourcingHandler
    void on(AuthorityRegistered event) {
        authorityId = event.authorityId();
        registered = event;
    }
}
