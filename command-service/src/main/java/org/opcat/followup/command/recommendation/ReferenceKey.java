package org.opcat.followup.command.recommendation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two references are the same one: full-width and half-width forms, letter case and
 * surrounding spaces do not make a new reference ({@code ２０２６/V-017} is {@code 2026/v-017}).
 * The reference itself is stored exactly as typed.
 */
public final class ReferenceKey {

    private ReferenceKey() {
    }

    public static String of(String reference) {
        return Normalizer.normalize(reference, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
