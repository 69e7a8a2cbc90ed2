package org.opcat.followup.spreadsheet;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two names written by people are the same one: Unicode NFKC (full-width forms, compatibility
 * ideographs), case folded, surrounding and repeated spaces ignored. Authorities and places named
 * in a sheet are matched this way against the registers.
 */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        // Upper then lower case: closer to Unicode case folding than lower case alone (ſ is s).
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    /** Headers are matched more loosely still: "Issued on", "issued_on" and "issuedOn" are one header. */
    static String headerKey(String header) {
        return key(header).replaceAll("[\\s_\\-]", "");
    }
}
