package org.opcat.followup.spreadsheet.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opcat.followup.spreadsheet.Sheet;

/**
 * The 4,588 UPR recommendations of {@code upr-detention-torture.csv} beside this class in the test resources (its
 * source and licence are in the README.md there), mapped to the import layout:
 * <ul>
 * <li>state under review: the addressee authority (registered by the import, createMissing);
 * <li>recommending state and session: the source document reference; source kind OTHER (the UPR
 *     is none of the NPM's own report kinds);
 * <li>session: the issue date, the session's approximate month (session 1 April 2008, then one
 *     every four months: the file has no dates);
 * <li>response: the state's position, recorded on the issue date, in writing. Accepted is
 *     ACCEPTED; Noted is REJECTED: noting is not an acceptance, and the SPEC's vocabulary has no
 *     "noted"; UNDER_CONSIDERATION would leave it looking pending forever;
 * <li>issues: themes, as lower-case tags ("Torture and other CID treatment" is
 *     torture-and-other-cid-treatment);
 * <li>action category 5 (specific action): priority HIGH, otherwise NORMAL; scope SYSTEMIC.
 * </ul>
 */
public final class UprRecommendations {

    /** The data set, a resource of this module's test jar, so that every module's tests find it on the classpath. */
    public static final String RESOURCE = "upr-detention-torture.csv";

    public record Upr(String reference, String state, String text, String recommendingState, String response, int session,
            List<String> themes, int actionCategory) {
    }

    private UprRecommendations() {
    }

    public static List<Upr> read() throws IOException {
        List<Upr> all = new ArrayList<>();
        InputStream resource = UprRecommendations.class.getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new AssertionError("The UPR data set " + RESOURCE + " is missing from the spreadsheet module's test resources");
        }
        try (Reader reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            int n = 0;
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                n++;
                int session = Integer.parseInt(record.get("upr_session").strip());
                all.add(new Upr(String.format(Locale.ROOT, "UPR-S%02d-%04d", session, n), record.get("state_under_review").strip(),
                        record.get("recommendation").strip(), record.get("recommending_state").strip(),
                        record.get("response").strip(), session, themes(record.get("issues")),
                        Integer.parseInt(record.get("action_category").strip())));
            }
        }
        return all;
    }

    public static List<String> themes(String issues) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String issue : issues.split(",")) {
            String tag = issue.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    public static LocalDate sessionDate(int session) {
        return LocalDate.of(2008, 4, 1).plusMonths(4L * (session - 1));
    }

    public static String position(String response) {
        return response.equalsIgnoreCase("Accepted") ? "ACCEPTED" : "REJECTED";
    }

    public static Map<Sheet, List<Map<String, String>>> layout(List<Upr> all) {
        List<Map<String, String>> recommendations = new ArrayList<>();
        List<Map<String, String>> responses = new ArrayList<>();
        for (Upr upr : all) {
            String issuedOn = sessionDate(upr.session()).toString();
            Map<String, String> rec = new LinkedHashMap<>();
            rec.put("reference", upr.reference());
            rec.put("title", title(upr.text()));
            rec.put("text", upr.text());
            rec.put("language", "en");
            rec.put("issuedOn", issuedOn);
            rec.put("sourceKind", "OTHER");
            rec.put("documentReference", "UPR session " + upr.session() + ", recommended by " + upr.recommendingState());
            rec.put("addressees", upr.state());
            rec.put("themes", String.join(";", upr.themes()));
            rec.put("scope", "SYSTEMIC");
            rec.put("priority", upr.actionCategory() == 5 ? "HIGH" : "NORMAL");
            rec.put("confidential", "false");
            recommendations.add(rec);
            responses.add(Map.of("reference", upr.reference(), "authority", upr.state(), "receivedOn", issuedOn,
                    "channel", "WRITTEN", "position", position(upr.response()),
                    "text", "UPR response: " + upr.response()));
        }
        Map<Sheet, List<Map<String, String>>> layout = new LinkedHashMap<>();
        layout.put(Sheet.RECOMMENDATIONS, recommendations);
        layout.put(Sheet.RESPONSES, responses);
        return layout;
    }

    /** The first sentence, cut at a word under 200 characters: the data set has no titles. */
    public static String title(String text) {
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end) : text;
        if (sentence.length() <= 200) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', 199);
        return sentence.substring(0, cut > 0 ? cut : 199) + " …";
    }
}
