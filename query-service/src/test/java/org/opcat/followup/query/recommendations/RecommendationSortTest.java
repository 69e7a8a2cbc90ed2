package org.opcat.followup.query.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opcat.followup.query.http.BadQuery;

class RecommendationSortTest {

    @Test
    void default_is_newest_first_then_reference() {
        assertThat(RecommendationSort.orderBy(null))
                .isEqualTo("issued_on DESC NULLS LAST, reference ASC, recommendation_id ASC");
    }

    @Test
    void fields_map_to_columns_and_directions_default_to_ascending() {
        assertThat(RecommendationSort.orderBy(new String[] {"title", "lastActivityOn,DESC"}))
                .isEqualTo("title ASC NULLS LAST, last_activity_on DESC NULLS LAST, reference ASC, recommendation_id ASC");
    }

    @Test
    void anything_else_is_refused_and_never_reaches_sql() {
        for (String bad : new String[] {"text", "issued_on", "issuedOn,up", "issuedOn,asc,desc", "reference;DROP",
                "", ","}) {
            assertThatThrownBy(() -> RecommendationSort.orderBy(new String[] {bad}))
                    .isInstanceOf(BadQuery.class)
                    .satisfies(e -> assertThat(((BadQuery) e).field()).isEqualTo("sort"));
        }
    }
}
