package org.opcat.followup.command.place;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.KnownRecords;
import org.opcat.followup.command.place.PlaceOfDetentionCommands.RegisterPlaceOfDetention;
import org.opcat.followup.command.refusal.RuleViolated;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;

class PlaceOfDetentionTest {

    static final UUID OPERATOR = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();

    FixtureConfiguration<PlaceOfDetention> fixture;
    KnownRecords known;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlaceOfDetention.class);
        known = new KnownRecords();
        fixture.registerInjectableResource(known);
    }

    @Test
    void registersAPlaceOperatedByAKnownAuthority() {
        known.authorities.add(OPERATOR);
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceOfDetention(PLACE, "第一看守所", PlaceType.PRE_TRIAL_DETENTION, "华北", OPERATOR))
                .expectEvents(new PlaceOfDetentionRegistered(PLACE, "第一看守所", PlaceType.PRE_TRIAL_DETENTION, "华北", OPERATOR));
    }

    @Test
    void refusesAnUnknownOperator() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceOfDetention(PLACE, "第一看守所", PlaceType.PRE_TRIAL_DETENTION, "华北", OPERATOR))
                .expectException(UnknownId.class).expectNoEvents();
    }

    @Test
    void aRepeatStoresNothingAndAnOtherContentIsAConflict() {
        var registered = new PlaceOfDetentionRegistered(PLACE, "第一看守所", PlaceType.PRE_TRIAL_DETENTION, "华北", OPERATOR);
        fixture.given(registered)
                .when(new RegisterPlaceOfDetention(PLACE, "第一看守所", PlaceType.PRE_TRIAL_DETENTION, "华北", OPERATOR))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered)
                .when(new RegisterPlaceOfDetention(PLACE, "第一看守所", PlaceType.POLICE_STATION, "华北", OPERATOR))
                .expectException(RuleViolated.class).expectNoEvents();
    }
}
