package org.opcat.followup.command.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.opcat.followup.command.BusinessCalendar;
import org.opcat.followup.command.KnownRecords;
import org.opcat.followup.command.recommendation.RecommendationCommands.*;
import org.opcat.followup.events.recommendation.*;

/**
 * Whatever analysts send, in whatever order, the stored history of a recommendation keeps its
 * rules: random command sequences (good and bad dates, strangers as authorities, repeated ids,
 * stale versions, closing and reopening) go to the aggregate, and the whole stream is checked after
 * every step. Sequences come from fixed seeds, so a failure names the seed that reproduces it.
 *
 * <p>Plain JUnit over seeded sequences rather than a property-testing library: the seeds make a
 * failure reproducible by its number, and nothing shrinks or changes between runs in CI.
 */
class RecommendationInvariantsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 1, 15);
    static final UUID ID = UUID.fromString("99999999-0000-0000-0000-000000000001");
    static final UUID FIRST = UUID.fromString("99999999-0000-0000-0000-0000000000a1");
    static final UUID SECOND = UUID.fromString("99999999-0000-0000-0000-0000000000a2");
    static final UUID STRANGER = UUID.fromString("99999999-0000-0000-0000-0000000000a3");
    static final UUID SUCCESSOR = UUID.fromString("99999999-0000-0000-0000-0000000000b1");
    static final List<UUID> ENTRY_IDS = List.of(
            UUID.fromString("99999999-0000-0000-0000-0000000000c1"), UUID.fromString("99999999-0000-0000-0000-0000000000c2"),
            UUID.fromString("99999999-0000-0000-0000-0000000000c3"));

    enum Kind { RESPOND, PLAN, VISIT, ASSESS, IMPLEMENT, REITERATE, WITHDRAW, REOPEN }

    enum Version { NONE, CURRENT, STALE }

    /** One random request: what, when (days after the issue date), by whom, under which id, with which If-Match. */
    record Step(Kind kind, int day, UUID authority, UUID entryId, ImplementationStatus status, int measureOffset,
                Version version) {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 150);
    }

    /** One to twenty random requests, all drawn from {@code seed}. */
    static List<Step> history(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new java.util.ArrayList<>();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            steps.add(new Step(pick(random, Kind.values()), -20 + random.nextInt(361),
                    pick(random, new UUID[] {FIRST, SECOND, STRANGER}), ENTRY_IDS.get(random.nextInt(ENTRY_IDS.size())),
                    pick(random, ImplementationStatus.values()), -5 + random.nextInt(66), pick(random, Version.values())));
        }
        return steps;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSequenceOfRequestsBreaksTheRules(long seed) {
        List<Step> steps = history(seed);
        FixtureConfiguration<Recommendation> fixture = fixture();
        List<Object> history = new java.util.ArrayList<>();
        history.add(issued());
        for (Step step : steps) {
            long version = history.size() - 1;
            Object command = command(step, version);
            fixture.given(history.toArray()).when(command);
            List<Object> after = fixture.getEventStore().readEvents(ID.toString()).asStream()
                    .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
            assertThat(after.size()).as("one command stores at most one event").isBetween(history.size(), history.size() + 1);
            assertThat(after.subList(0, history.size())).as("stored history never changes").isEqualTo(history);
            history = new java.util.ArrayList<>(after);
            assertRulesHold(history);
        }
        // Whatever happened, a valid response is still recorded on an open recommendation, and
        // refused on a closed one: the aggregate never gets stuck.
        boolean open = isOpen(history);
        FixtureConfiguration<Recommendation> last = fixture();
        var validator = last.given(history.toArray()).when(new RecordAuthorityResponse(ID, UUID.randomUUID(), FIRST, TODAY,
                Channel.ORAL, Position.ACCEPTED, "口头答复", null, null));
        if (open) {
            validator.expectSuccessfulHandlerExecution();
        } else {
            validator.expectNoEvents();
        }
    }

    private static void assertRulesHold(List<Object> history) {
        RecommendationIssued issued = (RecommendationIssued) history.get(0);
        Set<UUID> entryIds = new HashSet<>();
        boolean closed = false;
        LocalDate closedOn = null;
        for (Object event : history.subList(1, history.size())) {
            LocalDate date = businessDate(event);
            assertThat(date).as("business date of " + event).isBetween(issued.issuedOn(), TODAY);
            if (closed) {
                assertThat(event).as("only a reopening follows a closing").isInstanceOf(RecommendationReopened.class);
                assertThat(date).as("reopened on or after the closing").isAfterOrEqualTo(closedOn);
            }
            if (event instanceof AuthorityResponseRecorded r) {
                assertThat(issued.addresseeAuthorityIds()).contains(r.authorityId());
                assertThat(entryIds.add(r.responseId())).as("entry ids are unique").isTrue();
            } else if (event instanceof ActionPlanFiled p) {
                assertThat(issued.addresseeAuthorityIds()).contains(p.authorityId());
                assertThat(p.measures()).isNotEmpty().allSatisfy(m -> assertThat(m.targetDate()).isAfterOrEqualTo(p.filedOn()));
                assertThat(entryIds.add(p.actionPlanId())).isTrue();
            } else if (event instanceof FollowUpVisitRecorded v) {
                assertThat(v.assessedStatus()).isNotEqualTo(ImplementationStatus.NOT_ASSESSED);
                assertThat(entryIds.add(v.followUpId())).isTrue();
            } else if (event instanceof ImplementationAssessed a) {
                assertThat(a.status()).isNotEqualTo(ImplementationStatus.NOT_ASSESSED);
                assertThat(entryIds.add(a.assessmentId())).isTrue();
            } else if (event instanceof RecommendationWithdrawn w) {
                assertThat(w.supersededBy() != null).isEqualTo(w.reason() == WithdrawalReason.SUPERSEDED);
            } else if (event instanceof RecommendationReopened) {
                assertThat(closed).as("only a closed recommendation is reopened").isTrue();
            }
            if (event instanceof RecommendationImplemented || event instanceof RecommendationWithdrawn) {
                closed = true;
                closedOn = date;
            } else if (event instanceof RecommendationReopened) {
                closed = false;
            }
        }
    }

    private static boolean isOpen(List<Object> history) {
        boolean open = true;
        for (Object event : history) {
            if (event instanceof RecommendationImplemented || event instanceof RecommendationWithdrawn) {
                open = false;
            } else if (event instanceof RecommendationReopened) {
                open = true;
            }
        }
        return open;
    }

    private static LocalDate businessDate(Object event) {
        if (event instanceof AuthorityResponseRecorded e) {
            return e.receivedOn();
        } else if (event instanceof ActionPlanFiled e) {
            return e.filedOn();
        } else if (event instanceof FollowUpVisitRecorded e) {
            return e.visitedOn();
        } else if (event instanceof ImplementationAssessed e) {
            return e.assessedOn();
        } else if (event instanceof RecommendationImplemented e) {
            return e.implementedOn();
        } else if (event instanceof RecommendationReiterated e) {
            return e.reiteratedOn();
        } else if (event instanceof RecommendationWithdrawn e) {
            return e.withdrawnOn();
        } else if (event instanceof RecommendationReopened e) {
            return e.reopenedOn();
        }
        throw new AssertionError("unexpected event " + event);
    }

    private static Object command(Step step, long version) {
        LocalDate on = ISSUED_ON.plusDays(step.day());
        Long expected = switch (step.version()) {
            case NONE -> null;
            case CURRENT -> version;
            case STALE -> version - 1;
        };
        return switch (step.kind()) {
            case RESPOND -> new RecordAuthorityResponse(ID, step.entryId(), step.authority(), on, Channel.WRITTEN,
                    Position.ACCEPTED, "答复 " + step.day(), null, expected);
            case PLAN -> new FileActionPlan(ID, step.entryId(), step.authority(), on,
                    List.of(new Measure("措施", "处室", on.plusDays(step.measureOffset()))), expected);
            case VISIT -> new RecordFollowUpVisit(ID, step.entryId(), on, null, "查访发现", step.status(), expected);
            case ASSESS -> new AssessImplementation(ID, step.entryId(), on, step.status(), "来源", null, expected);
            case IMPLEMENT -> new RecordImplementation(ID, on, "证据", expected);
            case REITERATE -> new ReiterateRecommendation(ID, on, "AR", expected);
            case WITHDRAW -> step.day() % 2 == 0
                    ? new WithdrawRecommendation(ID, on, WithdrawalReason.SUPERSEDED, SUCCESSOR, expected)
                    : new WithdrawRecommendation(ID, on, WithdrawalReason.NO_LONGER_APPLICABLE, step.day() % 3 == 0 ? SUCCESSOR : null, expected);
            case REOPEN -> new ReopenRecommendation(ID, on, "复发", expected);
        };
    }

    private static RecommendationIssued issued() {
        return new RecommendationIssued(ID, "P-1", "题", "文", "zh", ISSUED_ON, new Source(SourceKind.VISIT_REPORT, "V"),
                null, List.of(FIRST, SECOND), List.of("health-care"), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, false);
    }

    private static FixtureConfiguration<Recommendation> fixture() {
        FixtureConfiguration<Recommendation> fixture = new AggregateTestFixture<>(Recommendation.class);
        KnownRecords known = new KnownRecords();
        known.authorities.addAll(List.of(FIRST, SECOND, STRANGER));
        known.recommendations.add(SUCCESSOR);
        Map<String, UUID> references = new HashMap<>();
        fixture.registerInjectableResource(new BusinessCalendar(
                Clock.fixed(Instant.parse(TODAY + "T12:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC")));
        fixture.registerInjectableResource(known);
        fixture.registerInjectableResource((ReferenceRegistry) (reference, id) -> references.computeIfAbsent(reference, r -> id).equals(id));
        return fixture;
    }

}
