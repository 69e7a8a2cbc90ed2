package org.opcat.followup.web.language;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opcat.followup.web.recommendations.Vocabulary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's problem in the page's own words: the text of its {@code code} from this interface's
 * bundles ({@code problem.<code>}), its arguments written for a reader (a field by its label, a
 * choice by its label, a date as the language writes it), not as the API spells them. A code this
 * interface does not know keeps the service's own text.
 */
@Component
public class ProblemWording {

    /** Arguments that are dates in the API's ISO form. */
    private static final Set<String> DATES = Set.of("date", "today", "earliest", "issuedOn", "closedOn");
    private static final Pattern ARGUMENT = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    /** Which bundle prefix labels which choice; the first list that holds a value wins (IMPLEMENTED: the stage). */
    private static final Map<String, List<String>> CHOICES = choices();

    private final MessageSource messages;

    ProblemWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The code's text in the page's language, or {@code apiText} for a code without one here (or no code). */
    public String word(String code, Map<String, ?> args, String apiText) {
        if (code == null || code.isBlank()) {
            return apiText;
        }
        Locale locale = LocaleContextHolder.getLocale();
        // No arguments: the bundle's text is returned as written, {name} left for us to fill.
        String pattern = messages.getMessage("problem." + code, null, null, locale);
        if (pattern == null) {
            return apiText;
        }
        Matcher m = ARGUMENT.matcher(pattern);
        StringBuilder worded = new StringBuilder();
        while (m.find()) {
            Object value = args == null ? null : args.get(m.group(1));
            m.appendReplacement(worded, Matcher.quoteReplacement(value == null ? "" : argument(m.group(1), value, locale)));
        }
        m.appendTail(worded);
        return worded.toString();
    }

    /** A field as its form labels it: {@code measures[1].targetDate} is the target date of measure 2. */
    public String field(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        String label = messages.getMessage("field." + last, null, null, locale);
        if (label == null) {
            label = messages.getMessage("measure." + last, null, null, locale);
        }
        if (label == null) {
            label = messages.getMessage("field." + field.replaceAll("[.\\[].*", ""), null, field, locale);
        }
        Matcher index = INDEX.matcher(field);
        if (field.startsWith("measures") && index.find()) {
            String measure = messages.getMessage("measure.legend", new Object[] {Integer.parseInt(index.group(1)) + 1}, locale);
            return measure + " · " + label;
        }
        return label;
    }

    /** A choice of SPEC §3 by its label ({@code PLACE_SPECIFIC}: 特定场所), anything else as is. */
    public String choice(Object value) {
        String text = String.valueOf(value);
        for (var list : CHOICES.entrySet()) {
            if (list.getValue().contains(text)) {
                return messages.getMessage(list.getKey() + "." + text, null, text, LocaleContextHolder.getLocale());
            }
        }
        return text;
    }

    private String argument(String name, Object value, Locale locale) {
        if (name.equals("field")) {
            return field(value.toString());
        }
        if (value instanceof Collection<?> values) {
            String separator = locale.getLanguage().equals("zh") ? "、" : ", ";
            return values.stream().map(this::choice).collect(Collectors.joining(separator));
        }
        if (DATES.contains(name)) {
            try {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(value.toString()));
            } catch (RuntimeException notADate) {
                return value.toString();
            }
        }
        return choice(value);
    }

    private static Map<String, List<String>> choices() {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("stage", Vocabulary.STAGES);
        choices.put("status", Vocabulary.STATUSES);
        choices.put("priority", Vocabulary.PRIORITIES);
        choices.put("channel", Vocabulary.CHANNELS);
        choices.put("position", Vocabulary.POSITIONS);
        choices.put("scope", Vocabulary.SCOPES);
        choices.put("sourceKind", Vocabulary.SOURCE_KINDS);
        choices.put("withdrawalReason", Vocabulary.WITHDRAWAL_REASONS);
        choices.put("authorityKind", Vocabulary.AUTHORITY_KINDS);
        choices.put("placeType", Vocabulary.PLACE_TYPES);
        choices.put("role", Vocabulary.ROLES);
        choices.put("language", Vocabulary.LANGUAGES);
        return choices;
    }
}
