package org.opcat.followup.query.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void words_are_split_on_any_whitespace_including_the_ideographic_space() {
        assertThat(SearchText.words("  行动计划　监管部门\tPlan ")).containsExactly("行动计划", "监管部门", "plan");
        assertThat(SearchText.words(null)).isEmpty();
        assertThat(SearchText.words("   ")).isEmpty();
    }

    @Test
    void full_width_forms_and_case_fold_to_one_form() {
        assertThat(SearchText.of("２０２６/Ｖ-001", "ＲＥＳＴＲＡＩＮＴ", "Ｔｅｘｔ"))
                .isEqualTo("2026/v-001\nrestraint\ntext");
    }

    @Test
    void metacharacters_stay_as_they_are() {
        assertThat(SearchText.words("100% cells_1 o'brien \\")).containsExactly("100%", "cells_1", "o'brien", "\\");
    }

    @Test
    void only_words_with_three_letters_or_digits_in_a_row_ask_the_trigram_index() {
        assertThat(SearchText.hasTrigram("行动计划")).isTrue();
        assertThat(SearchText.hasTrigram("740")).isTrue();
        assertThat(SearchText.hasTrigram("x\\abc")).isTrue();
        assertThat(SearchText.hasTrigram("医疗")).isFalse();
        assertThat(SearchText.hasTrigram("s/01")).isFalse();
        assertThat(SearchText.hasTrigram("a_b_c")).isFalse();
        assertThat(SearchText.hasTrigram("%%%")).isFalse();
    }

    @Test
    void like_patterns_match_the_word_literally() {
        assertThat(SearchText.likeEscaped("100%_x\\y")).isEqualTo("100\\%\\_x\\\\y");
    }
}
