package org.opcat.followup.spreadsheet;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values a choice column takes, each by its code (as the API spells it) and by the labels the
 * web interface shows for it in English and Chinese (the same words: a test of the web interface
 * checks them against its bundles). A cell may hold any of the three; the templates list them.
 */
public final class AllowedValues {

    /** One value: its code and its labels. */
    public record Value(String code, String english, String chinese) {

        public String label(HeaderLanguage language) {
            return language == HeaderLanguage.ZH ? chinese : english;
        }
    }

    private static final Map<String, List<Value>> BY_COLUMN = Map.of(
            "language", List.of(
                    new Value("zh", "Chinese", "中文"), new Value("en", "English", "英文"), new Value("ar", "Arabic", "阿拉伯文"),
                    new Value("ru", "Russian", "俄文"), new Value("fr", "French", "法文"), new Value("es", "Spanish", "西班牙文")),
            "sourceKind", List.of(
                    new Value("VISIT_REPORT", "Visit report", "查访报告"), new Value("THEMATIC_REPORT", "Thematic report", "专题报告"),
                    new Value("ANNUAL_REPORT", "Annual report", "年度报告"),
                    new Value("LEGISLATIVE_OPINION", "Legislative opinion", "立法意见"),
                    new Value("SPT_REPORT", "SPT report", "防范酷刑小组委员会报告"), new Value("OTHER", "Other", "其他")),
            "scope", List.of(
                    new Value("PLACE_SPECIFIC", "One place", "特定场所"),
                    new Value("SYSTEMIC", "Systemic (no single place)", "系统性（不针对特定场所）")),
            "priority", List.of(
                    new Value("URGENT", "Urgent", "紧急"), new Value("HIGH", "High", "高"), new Value("NORMAL", "Normal", "一般")),
            "channel", List.of(
                    new Value("WRITTEN", "written", "书面"), new Value("ORAL", "oral", "口头"), new Value("MEETING", "meeting", "会谈")),
            "position", List.of(
                    new Value("ACCEPTED", "Accepted", "接受"), new Value("PARTIALLY_ACCEPTED", "Partially accepted", "部分接受"),
                    new Value("REJECTED", "Rejected", "不接受"), new Value("UNDER_CONSIDERATION", "Under consideration", "研究中")),
            "assessedStatus", List.of(
                    new Value("NOT_IMPLEMENTED", "Not implemented", "未落实"), new Value("IN_PROGRESS", "In progress", "落实中"),
                    new Value("PARTIALLY_IMPLEMENTED", "Partially implemented", "部分落实"),
                    new Value("IMPLEMENTED", "Implemented", "已落实")),
            "confidential", List.of(new Value("true", "yes", "是"), new Value("false", "no", "否")));

    private AllowedValues() {
    }

    /** The values of a choice column (by its key), empty for a column of free text, dates or names. */
    public static List<Value> of(String column) {
        return BY_COLUMN.getOrDefault(column, List.of());
    }

    /**
     * The code a cell names, by code or by either label, whatever its case, width and spacing
     * ({@code 查访报告}, {@code Visit report}, {@code visit-report}); empty if it names none.
     */
    public static Optional<String> code(String column, String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String typed = loose(cell);
        return of(column).stream()
                .filter(v -> loose(v.code()).equals(typed) || loose(v.english()).equals(typed) || loose(v.chinese()).equals(typed))
                .map(Value::code)
                .findFirst();
    }

    /** The labels of a column's values in the language, in the order of the lists. */
    public static List<String> labels(String column, HeaderLanguage language) {
        return of(column).stream().map(v -> v.label(language)).toList();
    }

    /** The template's sheet listing the allowed values (reading skips it: it holds no rows to import). */
    public static String sheetName(HeaderLanguage language) {
        return language == HeaderLanguage.ZH ? "可用值" : "allowed values";
    }

    public static boolean isSheet(String name) {
        String wanted = Names.headerKey(name == null ? "" : name);
        return wanted.equals(Names.headerKey(sheetName(HeaderLanguage.EN))) || wanted.equals(Names.headerKey(sheetName(HeaderLanguage.ZH)));
    }

    private static String loose(String text) {
        return Names.key(Normalizer.normalize(text, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }
}
