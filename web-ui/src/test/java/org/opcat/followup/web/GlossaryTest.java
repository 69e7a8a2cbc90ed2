package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opcat.followup.spreadsheet.Column;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;

/**
 * docs/glossary.md is kept: no Chinese text of the web interface, the annual report or the
 * spreadsheet templates uses a word the glossary says to avoid, and every concept has one Chinese word.
 */
class GlossaryTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("followup.repository", "..")).toAbsolutePath().normalize();

    record Entry(String concept, String zh, List<String> avoid) {
    }

    @Test
    void every_chinese_text_uses_the_glossary_words() throws IOException {
        List<Entry> glossary = glossary();
        assertThat(glossary).hasSizeGreaterThanOrEqualTo(5);
        // One word per concept: no concept's word is another's word to avoid.
        for (Entry entry : glossary) {
            assertThat(glossary).allSatisfy(other -> assertThat(other.avoid()).as(other.concept()).doesNotContain(entry.zh()));
        }

        Map<String, String> texts = new LinkedHashMap<>();
        bundle(texts, "web interface", REPOSITORY.resolve("web-ui/src/main/resources/messages_zh.properties"));
        bundle(texts, "annual report", REPOSITORY.resolve("query-service/src/main/resources/report/messages_zh.properties"));
        for (Sheet sheet : Sheet.values()) {
            texts.put("spreadsheet sheet " + sheet.key(), sheet.sheetName(HeaderLanguage.ZH));
            for (Column column : sheet.columns()) {
                texts.put("spreadsheet header " + sheet.key() + "/" + column.key(), column.chinese());
            }
        }
        List<String> misused = new ArrayList<>();
        texts.forEach((where, text) -> glossary.forEach(entry -> entry.avoid().stream().filter(text::contains)
                .forEach(word -> misused.add(where + ": «" + text + "» says " + word + ", the glossary says " + entry.zh()))));
        assertThat(misused).isEmpty();
    }

    /** The table of docs/glossary.md: concept | en | zh | avoid (zh), the avoided words comma-separated. */
    private static List<Entry> glossary() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve("docs/glossary.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 5 || cells[1].isBlank() || cells[1].trim().equals("concept")
                    || cells[1].trim().startsWith("---")) {
                continue;
            }
            List<String> avoid = Arrays.stream(cells[4].split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
            entries.add(new Entry(cells[1].trim(), cells[3].trim(), avoid));
        }
        return entries;
    }

    private static void bundle(Map<String, String> texts, String name, Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(key -> texts.put(name + " " + key, properties.getProperty(key)));
    }
}
