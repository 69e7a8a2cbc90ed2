package org.opcat.followup.command;

/**
 * The longest text each field accepts, in characters. Over a limit is a 400, never a truncation:
 * a record of what an authority said must not be silently cut. Documented in README.
 */
public final class TextLimits {

    public static final int REFERENCE = 64;
    public static final int NAME = 300;
    public static final int TITLE = 500;
    public static final int DOCUMENT_REFERENCE = 200;
    public static final int SHORT_TEXT = 2_000;
    public static final int LONG_TEXT = 20_000;
    public static final int TAG = 64;
    public static final int LIST = 30;
    public static final int MEASURES = 100;

    /** A BCP 47 language tag as the SPEC uses them: {@code zh}, {@code en}, {@code zh-Hant}, {@code ar-EG}. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    /** A theme: letters or digits in any script, words joined by hyphens ({@code health-care}, {@code 医疗}). */
    public static final String THEME = "^[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*$";

    private TextLimits() {
    }
}
