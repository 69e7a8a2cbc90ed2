package org.opcat.followup.command.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opcat.followup.command.BusinessCalendar;
import org.opcat.followup.command.KnownRecords;
import org.opcat.followup.command.recommendation.RecommendationCommands.*;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.RuleViolated;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.recommendation.*;

/** The rules of SPEC §3, each with a case it accepts and a case it refuses. */
class RecommendationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final LocalDate ISSUED_ON = LocalDate.of(2025, 6, 3);
    static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID MINISTRY = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final UUID PRISON_ADMINISTRATION = UUID.fromString("33333333-3333-3333-3333-333333333333");
    static final UUID STRANGER = UUID.fromString("44444444-4444-4444-4444-444444444444");
    static final UUID PLACE = UUID.fromString("55555555-5555-5555-5555-555555555555");
    static final UUID RESPONSE = UUID.fromString("66666666-6666-6666-6666-666666666666");

    FixtureConfiguration<Recommendation> fixture;
    KnownRecords known;
    Map<String, UUID> references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recommendation.class);
        known = new KnownRecords();
        known.authorities.addAll(List.of(MINISTRY, PRISON_ADMINISTRATION, STRANGER));
        known.places.add(PLACE);
        references = new HashMap<>();
        ReferenceRegistry registry = (reference, id) -> references.computeIfAbsent(reference, r -> id).equals(id);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource(new BusinessCalendar(clock, ZoneId.of("UTC")));
        fixture.registerInjectableResource(known);
        fixture.registerInjectableResource(registry);
    }

    static IssueRecommendation issue(LocalDate issuedOn, LocalDate dueOn) {
        return new IssueRecommendation(ID, "2025/V-017/R-03", "确保被拘留者及时获得医疗服务",
                "国家预防机制建议监狱管理局确保所有被拘留者在入所后24小时内接受体检。", "zh", issuedOn,
                new Source(SourceKind.VISIT_REPORT, "查访报告 2025/V-017"), PLACE, List.of(MINISTRY, PRISON_ADMINISTRATION),
                List.of("health-care"), Scope.PLACE_SPECIFIC, Priority.URGENT, List.of("Nelson Mandela Rules, rule 30"),
                dueOn, false);
    }

    static RecommendationIssued issued() {
        IssueRecommendation c = issue(ISSUED_ON, ISSUED_ON.plusDays(60));
        return new RecommendationIssued(c.recommendationId(), c.reference(), c.title(), c.text(), c.language(),
                c.issuedOn(), c.source(), c.placeId(), c.addresseeAuthorityIds(), c.themes(), c.scope(), c.priority(),
                c.standards(), c.responseDueOn(), c.confidential());
    }

    static RecordAuthorityResponse respond(UUID authority, LocalDate on) {
        return new RecordAuthorityResponse(ID, RESPONSE, authority, on, Channel.WRITTEN, Position.ACCEPTED,
                "监狱管理局接受该建议，将于年底前落实。", "函 2025-112", null);
    }

    static AuthorityResponseRecorded responded(UUID authority, LocalDate on) {
        return new AuthorityResponseRecorded(ID, RESPONSE, authority, on, Channel.WRITTEN, Position.ACCEPTED,
                "监狱管理局接受该建议，将于年底前落实。", "函 2025-112");
    }

    static FileActionPlan plan(LocalDate filedOn, List<Measure> measures) {
        return new FileActionPlan(ID, UUID.fromString("77777777-7777-7777-7777-777777777777"), PRISON_ADMINISTRATION,
                filedOn, measures, null);
    }

    @Nested
    class Issuing {

        @Test
        void issuesARecommendationDatedToday() {
            fixture.givenNoPriorActivity()
                    .when(issue(TODAY, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RecommendationIssued(ID, "2025/V-017/R-03", "确保被拘留者及时获得医疗服务",
                            issue(TODAY, null).text(), "zh", TODAY, new Source(SourceKind.VISIT_REPORT, "查访报告 2025/V-017"),
                            PLACE, List.of(MINISTRY, PRISON_ADMINISTRATION), List.of("health-care"), Scope.PLACE_SPECIFIC,
                            Priority.URGENT, List.of("Nelson Mandela Rules, rule 30"), null, false))
                    .expectResultMessagePayload(new Recorded(ID, null, 0));
        }

        @Test
        void refusesAnIssueDateInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(issue(TODAY.plusDays(1), null))
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAResponseDeadlineBeforeTheIssueDate() {
            fixture.givenNoPriorActivity()
                    .when(issue(ISSUED_ON, ISSUED_ON.minusDays(1)))
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnAddresseeThatIsNotARegisteredAuthority() {
            known.authorities.remove(PRISON_ADMINISTRATION);
            fixture.givenNoPriorActivity()
                    .when(issue(ISSUED_ON, null))
                    .expectException(UnknownId.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAPlaceSpecificRecommendationWithoutItsPlace() {
            IssueRecommendation c = issue(ISSUED_ON, null);
            fixture.givenNoPriorActivity()
                    .when(new IssueRecommendation(ID, c.reference(), c.title(), c.text(), c.language(), c.issuedOn(),
                            c.source(), null, c.addresseeAuthorityIds(), c.themes(), Scope.PLACE_SPECIFIC, c.priority(),
                            c.standards(), null, false))
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAReferenceThatAnotherRecommendationHolds() {
            references.put("2025/V-017/R-03", UUID.randomUUID());
            fixture.givenNoPriorActivity()
                    .when(issue(ISSUED_ON, null))
                    .expectException(RuleViolated.class)
                    .expectNoEvents();
        }

        @Test
        void aRepeatWithTheSameContentStoresNothingAndAnswersAsTheFirstTime() {
            fixture.given(issued(), responded(MINISTRY, ISSUED_ON.plusDays(5)))
                    .when(issue(ISSUED_ON, ISSUED_ON.plusDays(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new Recorded(ID, null, 0));
        }

        @Test
        void aRepeatWithOtherContentIsAConflict() {
            fixture.given(issued())
                    .when(issue(ISSUED_ON, ISSUED_ON.plusDays(30)))
                    .expectException(RuleViolated.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Responding {

        @Test
        void recordsAResponseFromAnAddresseeOnTheIssueDate() {
            fixture.given(issued())
                    .when(respond(PRISON_ADMINISTRATION, ISSUED_ON))
                    .expectEvents(responded(PRISON_ADMINISTRATION, ISSUED_ON))
                    .expectResultMessagePayload(new Recorded(ID, RESPONSE, 1));
        }

        @Test
        void refusesAResponseFromABodyTheRecommendationIsNotAddressedTo() {
            fixture.given(issued())
                    .when(respond(STRANGER, ISSUED_ON.plusDays(3)))
                    .expectException(RuleViolated.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAResponseDatedBeforeTheIssueDate() {
            fixture.given(issued())
                    .when(respond(MINISTRY, ISSUED_ON.minusDays(1)))
                    .expectException(RuleViolated.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAResponseDatedTodayAndRefusesOneDatedTomorrow() {
            fixture.given(issued()).when(respond(MINISTRY, TODAY)).expectEvents(responded(MINISTRY, TODAY));
            fixture.given(issued()).when(respond(MINISTRY, TODAY.plusDays(1)))
                    .expectException(InvalidInput.class).expectNoEvents();
        }

        @Test
        void aRepeatedResponseIdWithTheSameContentStoresNothingAndAnswersTheFirstVersion() {
            fixture.given(issued(), responded(MINISTRY, ISSUED_ON.plusDays(5)),
                            new RecommendationReiterated(ID, ISSUED_ON.plusDays(90), "年度报告 2025"))
                    .when(respond(MINISTRY, ISSUED_ON.plusDays(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new Recorded(ID, RESPONSE, 1));
        }

        @Test
        void aRepeatedResponseIdWithOtherContentIsAConflict() {
            fixture.given(issued(), responded(MINISTRY, ISSUED_ON.plusDays(5)))
                    .when(respond(MINISTRY, ISSUED_ON.plusDays(6)))
                    .expectException(RuleViolated.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsTheCurrentVersionAndRefusesAStaleOne() {
            RecordAuthorityResponse current = new RecordAuthorityResponse(ID, RESPONSE, MINISTRY, ISSUED_ON, Channel.ORAL,
                    Position.UNDER_CONSIDERATION, "口头答复", null, 1L);
            RecordAuthorityResponse stale = new RecordAuthorityResponse(ID, RESPONSE, MINISTRY, ISSUED_ON, Channel.ORAL,
                    Position.UNDER_CONSIDERATION, "口头答复", null, 0L);
            RecommendationReiterated reiterated = new RecommendationReiterated(ID, ISSUED_ON, "AR-2025");
            fixture.given(issued(), reiterated).when(current).expectSuccessfulHandlerExecution();
            fixture.given(issued(), reiterated).when(stale).expectException(RuleViolated.class).expectNoEvents();
        }
    }

    @Nested
    class FilingActionPlans {

        static final LocalDate FILED_ON = ISSUED_ON.plusDays(20);

        @Test
        void filesAPlanWhoseMeasuresAreDueOnOrAfterItsDate() {
            List<Measure> measures = List.of(new Measure("为所有监区配备医务人员", "卫生处", FILED_ON),
                    new Measure("修订入所体检规程", "法制处", FILED_ON.plusDays(100)));
            fixture.given(issued())
                    .when(plan(FILED_ON, measures))
                    .expectEvents(new ActionPlanFiled(ID, plan(FILED_ON, measures).actionPlanId(), PRISON_ADMINISTRATION,
                            FILED_ON, measures));
        }

        @Test
        void refusesAPlanWithoutMeasures() {
            fixture.given(issued()).when(plan(FILED_ON, List.of()))
                    .expectException(InvalidInput.class).expectNoEvents();
        }

        @Test
        void refusesAMeasureDueBeforeThePlan() {
            fixture.given(issued())
                    .when(plan(FILED_ON, List.of(new Measure("培训", "培训处", FILED_ON.minusDays(1)))))
                    .expectException(InvalidInput.class).expectNoEvents();
        }

        @Test
        void refusesAPlanFromABodyTheRecommendationIsNotAddressedTo() {
            fixture.given(issued())
                    .when(new FileActionPlan(ID, UUID.randomUUID(), STRANGER, FILED_ON,
                            List.of(new Measure("培训", "培训处", FILED_ON)), null))
                    .expectException(RuleViolated.class).expectNoEvents();
        }
    }

    @Nested
    class Assessing {

        @Test
        void recordsAFollowUpVisitAtTheRecommendationsPlaceWhenNoneIsGiven() {
            UUID visit = UUID.randomUUID();
            fixture.given(issued())
                    .when(new RecordFollowUpVisit(ID, visit, ISSUED_ON.plusDays(200), null, "医务室已配备两名医生。",
                            ImplementationStatus.PARTIALLY_IMPLEMENTED, null))
                    .expectEvents(new FollowUpVisitRecorded(ID, visit, ISSUED_ON.plusDays(200), PLACE,
                            "医务室已配备两名医生。", ImplementationStatus.PARTIALLY_IMPLEMENTED));
        }

        @Test
        void refusesAVisitToAnUnknownPlace() {
            fixture.given(issued())
                    .when(new RecordFollowUpVisit(ID, UUID.randomUUID(), ISSUED_ON.plusDays(200), UUID.randomUUID(),
                            "findings", ImplementationStatus.IN_PROGRESS, null))
                    .expectException(UnknownId.class).expectNoEvents();
        }

        @Test
        void acceptsAnAssessmentAndRefusesNotAssessedAsAFinding() {
            fixture.given(issued())
                    .when(new AssessImplementation(ID, UUID.randomUUID(), ISSUED_ON.plusDays(30),
                            ImplementationStatus.IN_PROGRESS, "民间社会组织报告", null, null))
                    .expectSuccessfulHandlerExecution();
            fixture.given(issued())
                    .when(new AssessImplementation(ID, UUID.randomUUID(), ISSUED_ON.plusDays(30),
                            ImplementationStatus.NOT_ASSESSED, "民间社会组织报告", null, null))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
    }

    @Nested
    class ClosingAndReopening {

        static final LocalDate CLOSED_ON = ISSUED_ON.plusDays(300);

        static Stream<Object> everythingButReopening() {
            return Stream.of(
                    respond(MINISTRY, CLOSED_ON),
                    plan(CLOSED_ON, List.of(new Measure("培训", "培训处", CLOSED_ON))),
                    new RecordFollowUpVisit(ID, UUID.randomUUID(), CLOSED_ON, null, "f", ImplementationStatus.IMPLEMENTED, null),
                    new AssessImplementation(ID, UUID.randomUUID(), CLOSED_ON, ImplementationStatus.IMPLEMENTED, "b", null, null),
                    new RecordImplementation(ID, CLOSED_ON, "evidence", null),
                    new ReiterateRecommendation(ID, CLOSED_ON, "AR-2026", null),
                    new WithdrawRecommendation(ID, CLOSED_ON, WithdrawalReason.NO_LONGER_APPLICABLE, null, null));
        }

        static Stream<Object> closures() {
            return Stream.of(new RecommendationImplemented(ID, CLOSED_ON, "监狱已配备医生"),
                    new RecommendationWithdrawn(ID, CLOSED_ON, WithdrawalReason.NO_LONGER_APPLICABLE, null));
        }

        @ParameterizedTest
        @MethodSource("everythingButReopening")
        void anImplementedRecommendationAcceptsNothingButReopening(Object command) {
            fixture.given(issued(), closures().toList().get(0)).when(command)
                    .expectException(RuleViolated.class).expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("everythingButReopening")
        void aWithdrawnRecommendationAcceptsNothingButReopening(Object command) {
            fixture.given(issued(), closures().toList().get(1)).when(command)
                    .expectException(RuleViolated.class).expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("closures")
        void aClosedRecommendationCanBeReopenedOnOrAfterItsClosing(Object closure) {
            fixture.given(issued(), closure)
                    .when(new ReopenRecommendation(ID, CLOSED_ON, "复查发现问题再次出现", null))
                    .expectEvents(new RecommendationReopened(ID, CLOSED_ON, "复查发现问题再次出现"))
                    .expectResultMessagePayload(new Recorded(ID, null, 2));
        }

        @ParameterizedTest
        @MethodSource("closures")
        void refusesReopeningDatedBeforeTheClosing(Object closure) {
            fixture.given(issued(), closure)
                    .when(new ReopenRecommendation(ID, CLOSED_ON.minusDays(1), "r", null))
                    .expectException(RuleViolated.class).expectNoEvents();
        }

        @Test
        void refusesReopeningAnOpenRecommendation() {
            fixture.given(issued())
                    .when(new ReopenRecommendation(ID, CLOSED_ON, "r", null))
                    .expectException(RuleViolated.class).expectNoEvents();
        }

        @Test
        void aReopenedRecommendationAcceptsResponsesAgain() {
            fixture.given(issued(), closures().toList().get(0), new RecommendationReopened(ID, CLOSED_ON, "r"))
                    .when(respond(MINISTRY, CLOSED_ON))
                    .expectEvents(responded(MINISTRY, CLOSED_ON));
        }

        @Test
        void implementsAnOpenRecommendation() {
            fixture.given(issued())
                    .when(new RecordImplementation(ID, CLOSED_ON, "监狱已配备医生", null))
                    .expectEvents(new RecommendationImplemented(ID, CLOSED_ON, "监狱已配备医生"))
                    .expectResultMessagePayload(new Recorded(ID, null, 1));
        }

        @Test
        void withdrawalAsSupersededNamesAKnownSuccessor() {
            UUID successor = UUID.randomUUID();
            fixture.given(issued())
                    .when(new WithdrawRecommendation(ID, CLOSED_ON, WithdrawalReason.SUPERSEDED, successor, null))
                    .expectException(UnknownId.class).expectNoEvents();
            known.recommendations.add(successor);
            fixture.given(issued())
                    .when(new WithdrawRecommendation(ID, CLOSED_ON, WithdrawalReason.SUPERSEDED, successor, null))
                    .expectEvents(new RecommendationWithdrawn(ID, CLOSED_ON, WithdrawalReason.SUPERSEDED, successor));
            fixture.given(issued())
                    .when(new WithdrawRecommendation(ID, CLOSED_ON, WithdrawalReason.SUPERSEDED, null, null))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
    }
}
