package org.opcat.followup.query.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.events.recommendation.ImplementationStatus.IMPLEMENTED;
import static org.opcat.followup.events.recommendation.ImplementationStatus.IN_PROGRESS;
import static org.opcat.followup.events.recommendation.ImplementationStatus.NOT_ASSESSED;
import static org.opcat.followup.events.recommendation.ImplementationStatus.NOT_IMPLEMENTED;
import static org.opcat.followup.events.recommendation.ImplementationStatus.PARTIALLY_IMPLEMENTED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;

class RecommendationStatusTest {

    static final LocalDate D1 = LocalDate.of(2026, 1, 10);
    static final LocalDate D2 = LocalDate.of(2026, 2, 10);
    static final LocalDate D3 = LocalDate.of(2026, 3, 10);

    static RecommendationStatus after(List<UnaryOperator<RecommendationStatus>> events) {
        RecommendationStatus s = RecommendationStatus.issued();
        for (UnaryOperator<RecommendationStatus> e : events) {
            s = e.apply(s);
        }
        return s;
    }

    static UnaryOperator<RecommendationStatus> response(LocalDate on, Position p) {
        return s -> s.responseRecorded(on, p);
    }

    static UnaryOperator<RecommendationStatus> plan() {
        return RecommendationStatus::actionPlanFiled;
    }

    static UnaryOperator<RecommendationStatus> assessed(LocalDate on, ImplementationStatus status) {
        return s -> s.assessed(on, status);
    }

    static UnaryOperator<RecommendationStatus> implemented() {
        return RecommendationStatus::implemented;
    }

    static UnaryOperator<RecommendationStatus> withdrawn() {
        return RecommendationStatus::withdrawn;
    }

    static UnaryOperator<RecommendationStatus> reopened() {
        return RecommendationStatus::reopened;
    }

    @Nested
    class StageAndOpen {

        @Test
        void a_new_recommendation_awaits_a_response() {
            RecommendationStatus s = RecommendationStatus.issued();
            assertThat(s.stage()).isEqualTo(Stage.AWAITING_RESPONSE);
            assertThat(s.open()).isTrue();
            assertThat(s.implementationStatus()).isEqualTo(NOT_ASSESSED);
            assertThat(s.authorityPosition()).isEqualTo(AuthorityPosition.NONE);
        }

        @Test
        void a_response_makes_it_responded() {
            assertThat(after(List.of(response(D1, Position.ACCEPTED))).stage()).isEqualTo(Stage.RESPONDED);
        }

        @Test
        void an_action_plan_wins_over_a_response_in_either_order() {
            assertThat(after(List.of(response(D1, Position.ACCEPTED), plan())).stage())
                    .isEqualTo(Stage.ACTION_PLAN_FILED);
            assertThat(after(List.of(plan(), response(D2, Position.ACCEPTED))).stage())
                    .isEqualTo(Stage.ACTION_PLAN_FILED);
            assertThat(after(List.of(plan())).stage()).isEqualTo(Stage.ACTION_PLAN_FILED);
        }

        @Test
        void assessments_alone_do_not_change_the_stage() {
            RecommendationStatus s = after(List.of(assessed(D1, IN_PROGRESS)));
            assertThat(s.stage()).isEqualTo(Stage.AWAITING_RESPONSE);
            assertThat(s.open()).isTrue();
        }

        @Test
        void implemented_closes_whatever_came_before() {
            for (var before : List.<List<UnaryOperator<RecommendationStatus>>>of(List.of(),
                    List.of(response(D1, Position.REJECTED)), List.of(response(D1, Position.ACCEPTED), plan()))) {
                var events = new java.util.ArrayList<>(before);
                events.add(implemented());
                RecommendationStatus s = after(events);
                assertThat(s.stage()).isEqualTo(Stage.IMPLEMENTED);
                assertThat(s.open()).isFalse();
            }
        }

        @Test
        void withdrawn_closes_whatever_came_before() {
            RecommendationStatus s = after(List.of(response(D1, Position.ACCEPTED), plan(), withdrawn()));
            assertThat(s.stage()).isEqualTo(Stage.WITHDRAWN);
            assertThat(s.open()).isFalse();
        }

        @Test
        void reopening_an_implemented_one_goes_back_to_what_the_dialogue_reached() {
            assertThat(after(List.of(implemented(), reopened())).stage()).isEqualTo(Stage.AWAITING_RESPONSE);
            assertThat(after(List.of(response(D1, Position.ACCEPTED), implemented(), reopened())).stage())
                    .isEqualTo(Stage.RESPONDED);
            RecommendationStatus s = after(List.of(response(D1, Position.ACCEPTED), plan(), implemented(), reopened()));
            assertThat(s.stage()).isEqualTo(Stage.ACTION_PLAN_FILED);
            assertThat(s.open()).isTrue();
        }

        @Test
        void reopening_a_withdrawn_one_opens_it_and_it_can_close_again() {
            assertThat(after(List.of(withdrawn(), reopened())).stage()).isEqualTo(Stage.AWAITING_RESPONSE);
            assertThat(after(List.of(withdrawn(), reopened(), implemented())).stage()).isEqualTo(Stage.IMPLEMENTED);
            assertThat(after(List.of(implemented(), reopened(), withdrawn())).stage()).isEqualTo(Stage.WITHDRAWN);
        }

        @ParameterizedTest
        @EnumSource(Stage.class)
        void only_implemented_and_withdrawn_are_closed(Stage stage) {
            assertThat(stage.isOpen()).isEqualTo(!EnumSet.of(Stage.IMPLEMENTED, Stage.WITHDRAWN).contains(stage));
        }
    }

    @Nested
    class ImplementationStatusRule {

        @Test
        void not_assessed_without_assessments() {
            assertThat(after(List.of(response(D1, Position.ACCEPTED), plan())).implementationStatus())
                    .isEqualTo(NOT_ASSESSED);
        }

        @Test
        void the_latest_assessment_by_business_date_counts_not_the_latest_recorded() {
            RecommendationStatus s = after(List.of(assessed(D2, PARTIALLY_IMPLEMENTED), assessed(D1, NOT_IMPLEMENTED)));
            assertThat(s.implementationStatus()).isEqualTo(PARTIALLY_IMPLEMENTED);
            assertThat(s.latestAssessmentOn()).isEqualTo(D2);
        }

        @Test
        void same_date_ties_go_to_the_later_recorded() {
            assertThat(after(List.of(assessed(D1, NOT_IMPLEMENTED), assessed(D1, IN_PROGRESS))).implementationStatus())
                    .isEqualTo(IN_PROGRESS);
        }

        @Test
        void a_later_assessment_replaces_an_earlier_one() {
            assertThat(after(List.of(assessed(D1, IN_PROGRESS), assessed(D3, NOT_IMPLEMENTED))).implementationStatus())
                    .isEqualTo(NOT_IMPLEMENTED);
        }

        @Test
        void implemented_stage_means_implemented_whatever_the_assessments() {
            assertThat(after(List.of(assessed(D1, NOT_IMPLEMENTED), implemented())).implementationStatus())
                    .isEqualTo(IMPLEMENTED);
        }

        @Test
        void withdrawn_keeps_the_latest_assessment() {
            assertThat(after(List.of(assessed(D1, IN_PROGRESS), withdrawn())).implementationStatus())
                    .isEqualTo(IN_PROGRESS);
            assertThat(after(List.of(withdrawn())).implementationStatus()).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void after_reopening_the_latest_assessment_counts_again() {
            assertThat(after(List.of(implemented(), reopened())).implementationStatus()).isEqualTo(NOT_ASSESSED);
            assertThat(after(List.of(assessed(D1, PARTIALLY_IMPLEMENTED), implemented(), reopened(),
                    assessed(D3, NOT_IMPLEMENTED))).implementationStatus()).isEqualTo(NOT_IMPLEMENTED);
        }

        @Test
        void not_assessed_is_not_an_assessment() {
            assertThat(after(List.of(assessed(D1, IN_PROGRESS), assessed(D2, NOT_ASSESSED))).implementationStatus())
                    .isEqualTo(IN_PROGRESS);
        }

        @ParameterizedTest
        @EnumSource(value = ImplementationStatus.class, names = "NOT_ASSESSED", mode = EnumSource.Mode.EXCLUDE)
        void any_assessed_status_is_taken_as_is(ImplementationStatus status) {
            assertThat(after(List.of(assessed(D1, status))).implementationStatus()).isEqualTo(status);
        }
    }

    @Nested
    class AuthorityPositionRule {

        @Test
        void none_without_responses() {
            assertThat(after(List.of(plan())).authorityPosition()).isEqualTo(AuthorityPosition.NONE);
        }

        @ParameterizedTest
        @EnumSource(Position.class)
        void the_position_of_the_only_response(Position position) {
            assertThat(after(List.of(response(D1, position))).authorityPosition())
                    .isEqualTo(AuthorityPosition.valueOf(position.name()));
        }

        @Test
        void the_latest_by_received_date_counts_not_the_latest_recorded() {
            assertThat(after(List.of(response(D2, Position.ACCEPTED), response(D1, Position.REJECTED)))
                    .authorityPosition()).isEqualTo(AuthorityPosition.ACCEPTED);
            assertThat(after(List.of(response(D1, Position.UNDER_CONSIDERATION), response(D3, Position.REJECTED)))
                    .authorityPosition()).isEqualTo(AuthorityPosition.REJECTED);
        }

        @Test
        void same_date_ties_go_to_the_later_recorded() {
            assertThat(after(List.of(response(D1, Position.UNDER_CONSIDERATION), response(D1, Position.PARTIALLY_ACCEPTED)))
                    .authorityPosition()).isEqualTo(AuthorityPosition.PARTIALLY_ACCEPTED);
        }

        @Test
        void closing_and_reopening_keep_the_position() {
            assertThat(after(List.of(response(D1, Position.ACCEPTED), implemented(), reopened())).authorityPosition())
                    .isEqualTo(AuthorityPosition.ACCEPTED);
            assertThat(after(List.of(response(D1, Position.REJECTED), withdrawn())).authorityPosition())
                    .isEqualTo(AuthorityPosition.REJECTED);
        }
    }

    @Nested
    class ResponseOverdue {

        static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

        @ParameterizedTest
        @EnumSource(Stage.class)
        void only_awaiting_response_can_be_overdue(Stage stage) {
            assertThat(ResponseDeadline.responseOverdue(stage, TODAY.minusDays(1), TODAY))
                    .isEqualTo(stage == Stage.AWAITING_RESPONSE);
        }

        @Test
        void due_before_today_is_overdue_due_today_is_not() {
            assertThat(ResponseDeadline.responseOverdue(Stage.AWAITING_RESPONSE, TODAY.minusDays(1), TODAY)).isTrue();
            assertThat(ResponseDeadline.responseOverdue(Stage.AWAITING_RESPONSE, TODAY, TODAY)).isFalse();
            assertThat(ResponseDeadline.responseOverdue(Stage.AWAITING_RESPONSE, TODAY.plusDays(1), TODAY)).isFalse();
        }

        @Test
        void no_due_date_is_never_overdue() {
            assertThat(ResponseDeadline.responseOverdue(Stage.AWAITING_RESPONSE, null, TODAY)).isFalse();
        }

        @Test
        void an_addressee_is_overdue_while_its_own_answer_is_missing_on_an_open_recommendation() {
            LocalDate due = TODAY.minusDays(1);
            assertThat(ResponseDeadline.addresseeOverdue(true, false, due, TODAY)).isTrue();
            assertThat(ResponseDeadline.addresseeOverdue(true, true, due, TODAY)).isFalse();
            assertThat(ResponseDeadline.addresseeOverdue(false, false, due, TODAY)).isFalse();
            assertThat(ResponseDeadline.addresseeOverdue(true, false, TODAY, TODAY)).isFalse();
            assertThat(ResponseDeadline.addresseeOverdue(true, false, null, TODAY)).isFalse();
        }
    }
}
