package org.opcat.followup.web.language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.opcat.followup.web.WebSettings;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as a reader of the chosen language writes them ("Mar 1, 2026", "2026年3月1日"); used in
 * templates as {@code @dates.day(...)}. The APIs give ISO text; anything unreadable is shown as is.
 */
@Component("dates")
public class ReadableDates {

    private final WebSettings settings;

    ReadableDates(WebSettings settings) {
        this.settings = settings;
    }

    /** A dash for no date: an empty cell reads as a fault of the page. */
    public String day(Object isoDate) {
        if (isoDate == null || isoDate.toString().isBlank()) {
            return "—";
        }
        try {
            LocalDate date = isoDate instanceof LocalDate d ? d : LocalDate.parse(isoDate.toString());
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
        } catch (RuntimeException notADate) {
            return isoDate.toString();
        }
    }

    /** A recording time, in the NPM's zone. */
    public String moment(Object isoInstant) {
        if (isoInstant == null || isoInstant.toString().isBlank()) {
            return "";
        }
        try {
            Instant instant = Instant.parse(isoInstant.toString());
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
                    .withZone(settings.timeZone()).format(instant);
        } catch (RuntimeException notAnInstant) {
            return isoInstant.toString();
        }
    }

    public String today() {
        return LocalDate.now(settings.timeZone()).toString();
    }
}
