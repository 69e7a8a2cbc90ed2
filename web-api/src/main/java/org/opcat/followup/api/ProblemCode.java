package org.opcat.followup.api;

import java.util.Locale;

/**
 * Every problem code the APIs answer, a stable list (docs/problems.md documents each with its
 * arguments): a problem answer has a top-level {@code code} and {@code args}, and each field problem
 * in {@code errors} its own. Codes are never renamed or reused for another meaning; new ones may
 * be added. The code's text, in English and Chinese, is in the bundle {@link ProblemMessages#BUNDLE}.
 */
public enum ProblemCode {
    // Field problems of a request body (Bean Validation and the reading of JSON); a detail names the field.
    NOT_BLANK(false), NOT_NULL(false), NOT_EMPTY(false), SIZE(false), PATTERN(false), NOT_A_LANGUAGE_TAG(false), NOT_A_THEME(false),
    INVALID(false), UNKNOWN_FIELD(false), NOT_ONE_OF(false), WRONG_TYPE(false), WRONG_TYPE_OR_VALUE(false),
    /** Several field problems of one request: each is in {@code errors}. */
    INVALID_FIELDS(true),
    MALFORMED_JSON(true), BODY_MISSING(true), TOO_LARGE(true),

    // Rules of the command API, each a whole sentence.
    DATE_IN_FUTURE(true), DATE_TOO_EARLY(true), DATE_BEFORE_ISSUED(true), RESPONSE_DUE_BEFORE_ISSUED(true),
    NO_ADDRESSEE(true), PLACE_REQUIRED(true), AUTHORITY_LISTED_TWICE(true), NO_MEASURES(true),
    TARGET_BEFORE_FILED(true), SUPERSEDED_BY_MISMATCH(true), SUPERSEDES_ITSELF(true), NOT_AN_ASSESSMENT(true),
    NOT_ADDRESSEE(true), NOT_CLOSED(true), CLOSED(true), REOPENED_BEFORE_CLOSED(true), STALE_VERSION(true), VERSION_AHEAD(true),
    BAD_IF_MATCH(true), REFERENCE_USED(true), ID_REUSED(true), ID_OF_ANOTHER_KIND(true), CONCURRENT_CHANGE(true),
    UNKNOWN_AUTHORITY(true), UNKNOWN_PLACE(true), UNKNOWN_RECOMMENDATION(true), UNKNOWN_IMPORT(true),
    UNKNOWN_RECORD(true), UNKNOWN_SHEET(true), UNKNOWN_HEADER_LANGUAGE(true), IMPORT_RUNNING(true),

    // Query parameters of the query API (bad-query: the detail is "parameter: text"), and its 504.
    REQUIRED(false), NOT_NEGATIVE(false), BETWEEN(false), TOO_LONG(false), NOT_A_DATE(false), NOT_AN_INSTANT(false),
    NOT_A_UUID(false), NOT_A_BOOLEAN(false), NOT_A_NUMBER(false), NOT_ONE_OF_VALUES(false), NOT_OF_TYPE(false),
    UNKNOWN_SORT(false), BAD_DIRECTION(false), REQUIRED_WITH_MIN_VERSION(false), YEAR_RANGE(false), BEFORE_YEAR(false),
    KNOWN_AT_IN_FUTURE(false), READ_MODEL_BEHIND(true),

    // The user register (/api/users) of both services.
    UNKNOWN_USER(true), USER_EXISTS(true), CANNOT_DISABLE_SELF(true), WRONG_CURRENT_PASSWORD(true), WEAK_PASSWORD(true),

    // Documents (SPEC §7.1): uploads, their content, purges.
    DOCUMENT_EMPTY(true), DOCUMENT_TOO_LARGE(true), DOCUMENT_TYPE_NOT_ACCEPTED(true), DOCUMENT_TYPE_MISMATCH(true),
    DOCUMENT_UNREADABLE(true), FILE_NAME(false), UNKNOWN_ENTRY(true), UNKNOWN_DOCUMENT(true), CONTENT_PURGED(true),
    DOCUMENT_PURGED(true),

    // The spreadsheet import's report: a cell's name, reference or plan key, and the file's layout.
    NO_AUTHORITY_NAMED(true), NO_PLACE_NAMED(true), AMBIGUOUS_AUTHORITY(true), AMBIGUOUS_PLACE(true), NAME_TOO_LONG(true),
    REFERENCE_REPEATED(true), NO_RECOMMENDATION_REFERENCE(true), PLAN_KEY_REQUIRED(false), PLAN_ROWS_DIFFER(true),
    NOT_ON_RECORD(true), IMPORT_STOPPED(true), UNKNOWN_HEADER(true), COLUMN_TWICE(true), MISSING_COLUMN(true),
    UNKNOWN_SHEET_NAME(true), SHEET_TWICE(true);

    private final boolean sentence;

    ProblemCode(boolean sentence) {
        this.sentence = sentence;
    }

    /** The code as answered: {@code date-in-future}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether its text is a whole sentence that can stand as a problem's {@code detail}; a field
     * problem's text ("must not be blank") needs its field before it.
     */
    public boolean sentence() {
        return sentence;
    }

    public static ProblemCode of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
