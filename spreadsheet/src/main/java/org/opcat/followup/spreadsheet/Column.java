package org.opcat.followup.spreadsheet;

import java.util.List;

/**
 * One column of a sheet: its key (the English header, also the name the import reports problems
 * under), its Chinese header, and whether a sheet without it is refused. {@code formerChinese}:
 * Chinese headers of earlier templates (before the words of docs/glossary.md), still read.
 */
public record Column(String key, String chinese, boolean required, List<String> formerChinese) {

    public Column(String key, String chinese, boolean required) {
        this(key, chinese, required, List.of());
    }

    public Column {
        formerChinese = List.copyOf(formerChinese);
    }

    /** The header as written in the given language. */
    public String header(HeaderLanguage language) {
        return language == HeaderLanguage.ZH ? chinese : key;
    }
}
