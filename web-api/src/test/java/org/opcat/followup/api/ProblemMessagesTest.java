package org.opcat.followup.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every problem code (of both services: the list is shared) has its English and its Chinese text,
 * with the same arguments in both, and its row in docs/problems.md.
 */
class ProblemMessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\w+)}");

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessages.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyCodeHasAnEnglishAndAChineseTextWithTheSameArguments() throws IOException {
        Properties english = load(ProblemMessages.BUNDLE + ".properties");
        Properties chinese = load(ProblemMessages.BUNDLE + "_zh.properties");
        Set<String> codes = Arrays.stream(ProblemCode.values()).map(ProblemCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> keys = english.stringPropertyNames().stream().map(k -> k.replaceFirst("\\.detail$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).as("the English texts are those of the codes, no more").isEqualTo(codes);
        assertThat(chinese.stringPropertyNames()).as("a Chinese text for every English one")
                .isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(chinese.getProperty(key))).as(key).isEqualTo(arguments(english.getProperty(key)));
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void aTextIsWordedInTheAskedLanguageWithItsArguments() {
        Map<String, Object> args = Map.of("field", "issuedOn", "date", "2027-03-15", "today", "2026-12-04");
        assertThat(ProblemMessages.message(ProblemCode.DATE_IN_FUTURE, args, Locale.ENGLISH))
                .isEqualTo("issuedOn 2027-03-15 is in the future (today is 2026-12-04)");
        assertThat(ProblemMessages.message(ProblemCode.DATE_IN_FUTURE, args, Locale.forLanguageTag("zh-CN")))
                .isEqualTo("issuedOn 2027-03-15 是将来的日期（今天是 2026-12-04）");
        assertThat(ProblemMessages.message(ProblemCode.DATE_IN_FUTURE, args, Locale.FRENCH))
                .as("a language without texts gets English").startsWith("issuedOn 2027-03-15 is in the future");
    }

    @Test
    void everyCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "problems.md"));
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(doc).as(code.code()).contains("| `" + code.code() + "` |");
        }
    }
}
