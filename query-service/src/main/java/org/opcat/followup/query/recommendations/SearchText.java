package org.opcat.followup.query.recommendations;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the {@code q} filter matches: each whitespace-separated word of the query must occur as a
 * substring of reference, title or text. Substring, not word match, because Chinese (and Japanese)
 * text has no spaces between words. Both sides are NFKC-normalized (full-width Latin letters and
 * digits, common in Chinese text, match their ASCII forms) and lower-cased.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String of(String reference, String title, String text) {
        return normalize(String.join("\n", nonNull(reference), nonNull(title), nonNull(text)));
    }

    public static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        return Arrays.stream(normalize(q).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * Whether pg_trgm can take trigrams from the word: three letters or digits in a row. A shorter
     * word (most Chinese words are two characters) gets no candidates from the index, only the
     * substring test; asking the index for it would read the whole index.
     */
    static boolean hasTrigram(String word) {
        int run = 0;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            run = Character.isLetterOrDigit(c) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** The word as a LIKE pattern that matches it literally (backslash is LIKE's default escape). */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
