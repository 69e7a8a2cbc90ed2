package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opcat.followup.api.ProblemCode;

/**
 * Every problem code the services answer has this interface's own text in English and Chinese, so
 * a page never shows the service's wording of it; the Chinese texts hold no English word (only
 * arguments, filled in the page's language), and use no argument the service does not send.
 */
class ProblemWordsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{([A-Za-z]+)}");

    @Test
    void every_problem_code_has_a_text_in_both_languages() throws IOException {
        Properties en = bundle("messages_en.properties");
        Properties zh = bundle("messages_zh.properties");
        Properties api = bundle("problem-messages.properties");
        for (ProblemCode code : ProblemCode.values()) {
            String key = "problem." + code.code();
            assertThat(en.getProperty(key)).as(key + " in English").isNotBlank();
            assertThat(zh.getProperty(key)).as(key + " in Chinese").isNotBlank();
            assertThat(ARGUMENT.matcher(zh.getProperty(key)).replaceAll("")).as(key + " in Chinese")
                    .doesNotContainPattern("[A-Za-z]{2,}");
            Set<String> sent = arguments(api.getProperty(code.code(), ""));
            assertThat(sent).as("arguments of " + key).containsAll(arguments(en.getProperty(key)))
                    .containsAll(arguments(zh.getProperty(key)));
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader in = new InputStreamReader(
                ProblemWordsTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
