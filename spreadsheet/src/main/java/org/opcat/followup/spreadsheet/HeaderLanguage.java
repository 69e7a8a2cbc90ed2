package org.opcat.followup.spreadsheet;

import java.util.Locale;

/** The language headers and sheet names are written in; reading accepts either, even mixed. */
public enum HeaderLanguage {
    EN, ZH;

    /** {@code en}, {@code zh} (any case, {@code zh-CN} too); null is English. */
    public static HeaderLanguage of(String tag) {
        if (tag == null || tag.isBlank()) {
            return EN;
        }
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("zh") || lower.startsWith("zh-")) {
            return ZH;
        }
        if (lower.equals("en") || lower.startsWith("en-")) {
            return EN;
        }
        throw new IllegalArgumentException("header language must be en or zh, not " + tag);
    }
}
