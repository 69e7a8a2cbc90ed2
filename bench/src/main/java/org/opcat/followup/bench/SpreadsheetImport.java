package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Times a spreadsheet import of N rows against a running command-service (moved here from the
 * separate bench/import project): a dry run, the real run that follows it (no second validation),
 * and the same file again (validated and recognized as already stored). Half the rows are
 * recommendations, half their responses; 50 authorities created by the import. Progress is read
 * from GET /api/imports/{importId} while the upload runs.
 */
final class SpreadsheetImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final RestClient FORMS = RestClient.builder().requestFactory(uploads()).build();

    private static JdkClientHttpRequestFactory uploads() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HTTP);
        factory.setReadTimeout(Duration.ofMinutes(30));
        return factory;
    }

    record Result(String label, double seconds, String state) {
    }

    private SpreadsheetImport() {
    }

    /** The three uploads of {@code rows} rows; references carry {@code run}, so they never collide with an earlier run. */
    static List<Result> run(String base, String auth, int rows, String run) throws Exception {
        byte[] workbook = workbook(run, rows / 2);
        System.out.printf(Locale.ROOT, "    workbook: %d rows (%d recommendations + %d responses), %d bytes%n", rows, rows / 2,
                rows / 2, workbook.length);
        List<Result> results = new ArrayList<>();
        results.add(time("dry run", base, auth, workbook, "dryRun=true&createMissing=true"));
        results.add(time("import (after the dry run)", base, auth, workbook, "createMissing=true"));
        results.add(time("same file again", base, auth, workbook, "createMissing=true"));
        return results;
    }

    private static Result time(String label, String base, String auth, byte[] workbook, String query) throws Exception {
        UUID importId = UUID.randomUUID();
        Thread watcher = new Thread(() -> watch(base, auth, importId));
        watcher.setDaemon(true);
        long start = System.nanoTime();
        watcher.start();
        Answer answer = upload(base, auth, workbook, query + "&importId=" + importId);
        double seconds = (System.nanoTime() - start) / 1e9;
        watcher.interrupt();
        JsonNode body = JSON.readTree(answer.body());
        String state = body.path("state").asText(body.path("detail").asText());
        System.out.printf(Locale.ROOT, "    %-28s %d %s in %.1f s%n", label, answer.statusCode(), state, seconds);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("import refused: " + answer.body());
        }
        return new Result(label, seconds, state);
    }

    /** What the status endpoint says every two seconds: what an upload page would show. */
    private static void watch(String base, String auth, UUID importId) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(2000);
                HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + importId))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    JsonNode s = JSON.readTree(status.body());
                    System.out.printf(Locale.ROOT, "      %s %d/%d rows, %.0f rows/s%n", s.get("state").asText(),
                            s.get("rowsDone").asInt(), s.get("rowsTotal").asInt(), s.get("rowsPerSecond").asDouble());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.out.println("    status: " + e.getMessage());
        }
    }

    record Answer(int statusCode, String body) {
    }

    /** The workbook as a browser form posts it (multipart/form-data, encoded by Spring's RestClient). */
    private static Answer upload(String base, String auth, byte[] content, String query) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "bench.xlsx";
            }
        });
        return FORMS.post().uri(URI.create(base + "/api/imports?" + query)).header("Authorization", auth)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static byte[] workbook(String run, int recommendations) {
        List<Map<String, String>> recs = new ArrayList<>();
        List<Map<String, String>> responses = new ArrayList<>();
        String[] themes = {"health-care", "use-of-force", "solitary-confinement", "医疗", "safeguards"};
        for (int i = 0; i < recommendations; i++) {
            String reference = "BENCH-" + run + "-" + i;
            String authority = "Bench authority " + run + " " + (i % 50);
            LocalDate issued = LocalDate.of(2020, 1, 1).plusDays(i % 1500);
            Map<String, String> rec = new LinkedHashMap<>();
            rec.put("reference", reference);
            rec.put("title", "Recommendation " + i + ": 确保被拘留者及时获得医疗服务");
            rec.put("text", "All detainees are examined by a doctor within 24 hours of admission; 国家预防机制建议所有被拘留者"
                    + "在入所后24小时内接受体检。 Row " + i + ".");
            rec.put("language", i % 2 == 0 ? "en" : "zh");
            rec.put("issuedOn", issued.toString());
            rec.put("sourceKind", "VISIT_REPORT");
            rec.put("documentReference", "Visit report " + (i / 10));
            rec.put("addressees", authority);
            rec.put("themes", themes[i % themes.length] + ";" + themes[(i + 2) % themes.length]);
            rec.put("scope", "SYSTEMIC");
            rec.put("priority", i % 10 == 0 ? "URGENT" : "NORMAL");
            rec.put("standards", "Nelson Mandela Rules, rule 24");
            rec.put("responseDueOn", issued.plusDays(60).toString());
            rec.put("confidential", "false");
            recs.add(rec);
            responses.add(Map.of("reference", reference, "authority", authority, "receivedOn", issued.plusDays(30).toString(),
                    "channel", "WRITTEN", "position", i % 3 == 0 ? "REJECTED" : "ACCEPTED", "text", "Answer to row " + i));
        }
        Map<Sheet, List<Map<String, String>>> sheets = new LinkedHashMap<>();
        sheets.put(Sheet.RECOMMENDATIONS, recs);
        sheets.put(Sheet.RESPONSES, responses);
        return SheetWriter.xlsx(HeaderLanguage.EN, sheets);
    }
}
