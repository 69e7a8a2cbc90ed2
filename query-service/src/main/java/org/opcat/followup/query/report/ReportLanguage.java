package org.opcat.followup.query.report;

import java.util.Locale;

/** The languages a report is labelled in; texts entered by users stay in the language they were written in. */
public enum ReportLanguage {
    EN(Locale.ENGLISH),
    ZH(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    ReportLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
