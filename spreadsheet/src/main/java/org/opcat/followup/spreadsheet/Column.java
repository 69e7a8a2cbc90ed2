package org.opcat.followup.spreadsheet;

/**
 * One column of a sheet: its key (the English header, also the name the import reports problems
 * under), its Chinese header, and whether a sheet without it is refused.
 */
public record Column(String key, String chinese, boolean required) {

    /** The header as written in the given language. */
    public String header(HeaderLanguage language) {
        return language == HeaderLanguage.ZH ? chinese : key;
    }
}
