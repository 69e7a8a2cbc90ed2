package org.opcat.followup.command.authority;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.KnownRecords;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.command.refusal.RuleViolated;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;

class AuthorityTest {

    static final UUID MINISTRY = UUID.randomUUID();
    static final UUID ADMINISTRATION = UUID.randomUUID();

    FixtureConfiguration<Authority> fixture;
    KnownRecords known;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Authority.class);
        known = new KnownRecords();
        fixture.registerInjectableResource(known);
    }

    @Test
    void registersABodyUnderAKnownSupervisor() {
        known.authorities.add(MINISTRY);
        fixture.givenNoPriorActivity()
                .when(new RegisterAuthority(ADMINISTRATION, "  监狱管理局 ", AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY))
                .expectEvents(new AuthorityRegistered(ADMINISTRATION, "监狱管理局", AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY))
                .expectResultMessagePayload(ADMINISTRATION);
    }

    @Test
    void refusesAnUnknownSupervisor() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAuthority(ADMINISTRATION, "监狱管理局", AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY))
                .expectException(UnknownId.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatStoresNothingAndAnOtherContentIsAConflict() {
        AuthorityRegistered registered = new AuthorityRegistered(MINISTRY, "司法部", AuthorityKind.MINISTRY, null);
        fixture.given(registered)
                .when(new RegisterAuthority(MINISTRY, "司法部", AuthorityKind.MINISTRY, null))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(MINISTRY);
        fixture.given(registered)
                .when(new RegisterAuthority(MINISTRY, "内政部", AuthorityKind.MINISTRY, null))
                .expectException(RuleViolated.class).expectNoEvents();
    }
}
