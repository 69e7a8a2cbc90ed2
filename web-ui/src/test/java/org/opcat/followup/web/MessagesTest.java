package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text in both languages: the two bundles have the same keys, and every fixed key a template uses exists. */
class MessagesTest {

    @Test
    void both_languages_have_every_text() throws IOException {
        Properties en = bundle("messages_en.properties");
        Properties zh = bundle("messages_zh.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)[}(]");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader in = new InputStreamReader(
                MessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
