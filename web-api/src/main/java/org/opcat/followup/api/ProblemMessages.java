package org.opcat.followup.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The text of a problem {@code code} in the request's language. A problem answer carries the code
 * and its named arguments beside the text, so that a client may word it itself; the bundles
 * {@code problem-messages(_zh).properties} hold one English and one Chinese text per code of
 * {@link ProblemCode} (docs/problems.md lists them), with {@code {name}} for an argument.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemMessages {

    public static final String BUNDLE = "problem-messages";
    /** The languages the APIs answer in; any other Accept-Language gets English. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\w+)}");
    /** Without falling back to the machine's own locale: a server set to zh still answers English by default. */
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Accept-Language decides (zh, zh-CN, zh-TW... are Chinese), English otherwise. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(LANGUAGES);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /** @param namesAndValues name, value, name, value...: the arguments of a code, in the order written */
    public static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            named.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(named);
    }

    public static String message(ProblemCode code, Map<String, ?> args, Locale locale) {
        return message(code.code(), args, locale);
    }

    /** @param key a code, or a code + ".detail" for the wording of a whole problem where it differs */
    public static String message(String key, Map<String, ?> args, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String text = bundle.getString(key);
        // One pass: a value is never read for arguments itself (it may be what a client typed, braces and all).
        return ARGUMENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                args.containsKey(m.group(1)) ? String.valueOf(args.get(m.group(1))) : m.group()));
    }

    public static boolean has(String key, Locale locale) {
        return bundle(locale).containsKey(key);
    }

    public static String english(ProblemCode code, Map<String, ?> args) {
        return message(code, args, Locale.ENGLISH);
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale language = locale != null && Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? Locale.CHINESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, language, ProblemMessages.class.getClassLoader(), NO_FALLBACK);
    }
}
