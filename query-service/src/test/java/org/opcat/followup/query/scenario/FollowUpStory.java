package org.opcat.followup.query.scenario;

import static org.opcat.followup.query.FixedClock.at;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.query.EventLog;

/**
 * A year of follow-up, as an NPM would record it (today is 2026-06-15, {@code FixedClock}).
 * Authorities: the ministry of justice supervises the prison administration, which supervises the
 * management of prison X; the health ministry stands apart.
 *
 * <pre>
 * R1 zh  issued 2026-01-10 to P, place X, URGENT, due 2026-03-01: answered, plan (one measure
 *        overdue), visit IN_PROGRESS and desk assessment PARTIALLY_IMPLEMENTED the same day
 * R2 en  issued 2025-11-01 to M and H, systemic, due 2026-01-15, never answered: overdue
 * R3 en  issued 2026-02-01 to A, answered, implemented
 * R4 en  issued 2025-03-01 to H: answered REJECTED, an earlier-dated answer recorded later,
 *        withdrawn, reopened, reiterated
 * R5 en  issued 2026-03-01 to P, place X, visit says IMPLEMENTED, implemented, reopened (relapse)
 * R6 en  issued 2026-04-01 to M, withdrawn as superseded by R1
 * R7 en  issued 2026-05-01 to H, place Y, title full of SQL metacharacters
 * </pre>
 */
final class FollowUpStory {

    static final UUID MINISTRY = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID PRISON_ADMINISTRATION = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID PRISON_MANAGEMENT = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID HEALTH_MINISTRY = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID PRISON_X = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID HOSPITAL_Y = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    static final UUID R1 = UUID.fromString("10000000-0000-0000-0000-000000000001");
    static final UUID R2 = UUID.fromString("10000000-0000-0000-0000-000000000002");
    static final UUID R3 = UUID.fromString("10000000-0000-0000-0000-000000000003");
    static final UUID R4 = UUID.fromString("10000000-0000-0000-0000-000000000004");
    static final UUID R5 = UUID.fromString("10000000-0000-0000-0000-000000000005");
    static final UUID R6 = UUID.fromString("10000000-0000-0000-0000-000000000006");
    static final UUID R7 = UUID.fromString("10000000-0000-0000-0000-000000000007");

    static final UUID R1_RESPONSE = UUID.fromString("20000000-0000-0000-0000-000000000001");
    static final UUID R1_PLAN = UUID.fromString("30000000-0000-0000-0000-000000000001");
    static final UUID R1_VISIT = UUID.fromString("40000000-0000-0000-0000-000000000001");
    static final UUID R1_ASSESSMENT = UUID.fromString("50000000-0000-0000-0000-000000000001");

    // Seed paragraph 34, as an NPM would quote it in a recommendation.
    static final String R1_TITLE = "与建议对象保持建设性对话并制订行动计划";
    static final String R1_TEXT = "机制首先应该与建议的对象(即政府当局和相关拘留地点的管理者)保持建设性对话，"
            + "还应与其监管部门保持建设性的对话。建议的对象应该应机制的要求，制订具体政策或行动计划，在必要时着手改革。";
    static final String R7_TITLE = "100% of cells_1 checked; O'Brien's \\ \"report\"";

    static final LocalDate D = LocalDate.of(2026, 1, 1);

    private FollowUpStory() {
    }

    /** Appends the whole story; answers the version of each recommendation, R1 first. */
    static long[] tell(EventLog log) {
        log.append("Authority", MINISTRY, 0,
                new AuthorityRegistered(MINISTRY, "司法部", AuthorityKind.MINISTRY, null), "admin", at(D));
        log.append("Authority", PRISON_ADMINISTRATION, 0, new AuthorityRegistered(PRISON_ADMINISTRATION,
                "Prison Administration", AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY), "admin", at(D));
        log.append("Authority", PRISON_MANAGEMENT, 0, new AuthorityRegistered(PRISON_MANAGEMENT,
                "Prison X management", AuthorityKind.PLACE_MANAGEMENT, PRISON_ADMINISTRATION), "admin", at(D));
        log.append("Authority", HEALTH_MINISTRY, 0, new AuthorityRegistered(HEALTH_MINISTRY, "Ministry of Health",
                AuthorityKind.MINISTRY, null), "admin", at(D));
        log.append("PlaceOfDetention", PRISON_X, 0, new PlaceOfDetentionRegistered(PRISON_X, "第一监狱",
                PlaceType.PRISON, "北京", PRISON_MANAGEMENT), "admin", at(D));
        log.append("PlaceOfDetention", HOSPITAL_Y, 0, new PlaceOfDetentionRegistered(HOSPITAL_Y, "Hospital Y",
                PlaceType.PSYCHIATRIC_INSTITUTION, "North", HEALTH_MINISTRY), "admin", at(D));

        EventLog.Stream r1 = log.recommendation(R1)
                .then(new RecommendationIssued(R1, "2026/V-001/R-01", R1_TITLE, R1_TEXT, "zh",
                        LocalDate.of(2026, 1, 10), new Source(SourceKind.VISIT_REPORT, "V-001"), PRISON_X,
                        List.of(PRISON_MANAGEMENT), List.of("dialogue", "health-care"), Scope.PLACE_SPECIFIC,
                        Priority.URGENT, List.of("Mandela Rules 24", "OPCAT art. 22"), LocalDate.of(2026, 3, 1),
                        false), "alice", at(LocalDate.of(2026, 1, 11)))
                .then(new AuthorityResponseRecorded(R1, R1_RESPONSE, PRISON_MANAGEMENT, LocalDate.of(2026, 2, 20),
                        Channel.WRITTEN, Position.ACCEPTED, "我们接受该建议。", "函〔2026〕7号"), "alice",
                        at(LocalDate.of(2026, 2, 21)))
                .then(new ActionPlanFiled(R1, R1_PLAN, PRISON_MANAGEMENT, LocalDate.of(2026, 3, 5), List.of(
                        new Measure("培训医务人员", "医务科", LocalDate.of(2026, 5, 1)),
                        new Measure("Renovate the infirmary", "Works unit", LocalDate.of(2026, 9, 30)))),
                        "bob", at(LocalDate.of(2026, 3, 6)))
                .then(new FollowUpVisitRecorded(R1, R1_VISIT, LocalDate.of(2026, 4, 10), PRISON_X,
                        "培训已开始", ImplementationStatus.IN_PROGRESS), "alice", at(LocalDate.of(2026, 4, 11)))
                .then(new ImplementationAssessed(R1, R1_ASSESSMENT, LocalDate.of(2026, 4, 10),
                        ImplementationStatus.PARTIALLY_IMPLEMENTED, "Ombudsman report 2026", null), "bob",
                        at(LocalDate.of(2026, 4, 12)));

        EventLog.Stream r2 = log.recommendation(R2)
                .then(new RecommendationIssued(R2, "2025/T-002/R-01", "End the use of restraint beds",
                        "Restraint beds should be removed from all places of detention.", "en",
                        LocalDate.of(2025, 11, 1), new Source(SourceKind.THEMATIC_REPORT, "T-002"), null,
                        List.of(MINISTRY, HEALTH_MINISTRY), List.of("use-of-force"), Scope.SYSTEMIC, Priority.HIGH,
                        List.of(), LocalDate.of(2026, 1, 15), false), "carol", at(LocalDate.of(2025, 11, 2)));

        EventLog.Stream r3 = log.recommendation(R3)
                .then(new RecommendationIssued(R3, "2026/V-003/R-01", "Keep a register of all detainees",
                        "Every admission is recorded in a bound register.", "en", LocalDate.of(2026, 2, 1),
                        new Source(SourceKind.VISIT_REPORT, "V-003"), null, List.of(PRISON_ADMINISTRATION),
                        List.of("safeguards"), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, false),
                        "alice", at(LocalDate.of(2026, 2, 1)))
                .then(new AuthorityResponseRecorded(R3, UUID.randomUUID(), PRISON_ADMINISTRATION,
                        LocalDate.of(2026, 2, 10), Channel.MEETING, Position.ACCEPTED, "Agreed at the meeting.",
                        null), "alice", at(LocalDate.of(2026, 2, 10)))
                .then(new RecommendationImplemented(R3, LocalDate.of(2026, 5, 20), "Registers seen on visit"),
                        "alice", at(LocalDate.of(2026, 5, 21)));

        EventLog.Stream r4 = log.recommendation(R4)
                .then(new RecommendationIssued(R4, "2025/V-010/R-04", "Separate juveniles from adults",
                        "Juveniles must never share cells with adults.", "en", LocalDate.of(2025, 3, 1),
                        new Source(SourceKind.VISIT_REPORT, "V-010"), null, List.of(HEALTH_MINISTRY),
                        List.of("juveniles"), Scope.SYSTEMIC, Priority.HIGH, List.of(), LocalDate.of(2025, 5, 1),
                        true), "dave", at(LocalDate.of(2025, 3, 2)))
                .then(new AuthorityResponseRecorded(R4, UUID.randomUUID(), HEALTH_MINISTRY, LocalDate.of(2025, 4, 1),
                        Channel.WRITTEN, Position.REJECTED, "Not our competence.", "L-1"), "dave",
                        at(LocalDate.of(2025, 4, 2)))
                // An older letter logged late: by received date it is not the latest.
                .then(new AuthorityResponseRecorded(R4, UUID.randomUUID(), HEALTH_MINISTRY,
                        LocalDate.of(2025, 3, 20), Channel.ORAL, Position.UNDER_CONSIDERATION, "We will look at it.",
                        null), "dave", at(LocalDate.of(2025, 4, 3)))
                .then(new RecommendationWithdrawn(R4, LocalDate.of(2025, 6, 1), WithdrawalReason.NO_LONGER_APPLICABLE,
                        null), "dave", at(LocalDate.of(2025, 6, 1)))
                .then(new RecommendationReopened(R4, LocalDate.of(2025, 7, 1), "Juveniles held again"), "dave",
                        at(LocalDate.of(2025, 7, 1)))
                .then(new RecommendationReiterated(R4, LocalDate.of(2026, 1, 20), "Annual report 2025"), "dave",
                        at(LocalDate.of(2026, 1, 20)));

        EventLog.Stream r5 = log.recommendation(R5)
                .then(new RecommendationIssued(R5, "2026/V-005/R-02", "Repair the ventilation",
                        "Cells in block B have no working ventilation.", "en", LocalDate.of(2026, 3, 1),
                        new Source(SourceKind.VISIT_REPORT, "V-005"), PRISON_X, List.of(PRISON_MANAGEMENT),
                        List.of("material-conditions"), Scope.PLACE_SPECIFIC, Priority.NORMAL, List.of(),
                        LocalDate.of(2026, 6, 30), false), "bob", at(LocalDate.of(2026, 3, 1)))
                .then(new FollowUpVisitRecorded(R5, UUID.randomUUID(), LocalDate.of(2026, 4, 1), PRISON_X,
                        "Ventilation works", ImplementationStatus.IMPLEMENTED), "bob", at(LocalDate.of(2026, 4, 1)))
                .then(new RecommendationImplemented(R5, LocalDate.of(2026, 4, 2), "Seen working"), "bob",
                        at(LocalDate.of(2026, 4, 2)))
                .then(new RecommendationReopened(R5, LocalDate.of(2026, 5, 10), "Broken again"), "bob",
                        at(LocalDate.of(2026, 5, 10)));

        EventLog.Stream r6 = log.recommendation(R6)
                .then(new RecommendationIssued(R6, "2026/V-006/R-01", "Hire a doctor", "Hire a full-time doctor.",
                        "en", LocalDate.of(2026, 4, 1), new Source(SourceKind.VISIT_REPORT, "V-006"), null,
                        List.of(MINISTRY), List.of("health-care"), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null,
                        false), "alice", at(LocalDate.of(2026, 4, 1)))
                .then(new RecommendationWithdrawn(R6, LocalDate.of(2026, 4, 15), WithdrawalReason.SUPERSEDED, R1),
                        "alice", at(LocalDate.of(2026, 4, 15)));

        EventLog.Stream r7 = log.recommendation(R7)
                .then(new RecommendationIssued(R7, "2026/V-007/R-01", R7_TITLE, "Check every cell, 100%.", "en",
                        LocalDate.of(2026, 5, 1), new Source(SourceKind.VISIT_REPORT, "V-007"), HOSPITAL_Y,
                        List.of(HEALTH_MINISTRY), List.of("health-care"), Scope.PLACE_SPECIFIC, Priority.NORMAL,
                        List.of(), null, false), "alice", at(LocalDate.of(2026, 5, 1)));

        return new long[] {r1.version(), r2.version(), r3.version(), r4.version(), r5.version(), r6.version(),
                r7.version()};
    }
}
