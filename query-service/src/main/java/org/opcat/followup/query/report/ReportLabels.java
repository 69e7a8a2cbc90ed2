package org.opcat.followup.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every word, enum value and date the html, csv and pdf show, from the message bundles
 * {@code report/messages_<lang>.properties} (UTF-8). Enum values are looked up as
 * {@code <EnumType>.<VALUE>}; date patterns are bundle entries too, so a language decides its own.
 * Instants are shown in UTC, as the {@code knownAt} a client passes back is an instant.
 */
public final class ReportLabels {

    static final MessageSource MESSAGES = messages();

    private final ReportLanguage language;
    private final DateTimeFormatter date;
    private final DateTimeFormatter csvDate;
    private final DateTimeFormatter instant;

    public ReportLabels(ReportLanguage language) {
        this.language = language;
        this.date = DateTimeFormatter.ofPattern(text("format.date"), language.locale());
        this.csvDate = DateTimeFormatter.ofPattern(text("format.csvDate"), language.locale());
        this.instant = DateTimeFormatter.ofPattern(text("format.instant"), language.locale()).withZone(ZoneOffset.UTC);
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("report/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Static, so not the class loader of whichever request thread first touched this class: in
        // tests that is the first application's embedded web server, stopped when its context closes,
        // and a bundle not yet loaded by then (zh after an en-only class) could no longer be found.
        source.setBundleClassLoader(ReportLabels.class.getClassLoader());
        return source;
    }

    public ReportLanguage language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    public String text(String key, Object... arguments) {
        return MESSAGES.getMessage(key, arguments, language.locale());
    }

    /** An enum value in words; null (a field that does not apply) shows as nothing. */
    public String of(Enum<?> value) {
        return value == null ? "" : text(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String yesNo(boolean value) {
        return text(value ? "yes" : "no");
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    public String csvDate(LocalDate value) {
        return value == null ? "" : csvDate.format(value);
    }

    public String instant(Instant value) {
        return value == null ? "" : instant.format(value);
    }

    public String days(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
