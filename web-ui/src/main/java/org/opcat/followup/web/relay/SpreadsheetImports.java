package org.opcat.followup.web.relay;

import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * command-service's spreadsheet import (docs/spreadsheet-layout.md): a client of its own, because
 * a large file's dry run takes a minute or more and the other calls' read timeout is 30 s.
 */
public class SpreadsheetImports {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;

    SpreadsheetImports(RestClient client) {
        this.client = client;
    }

    /**
     * Sends the file. A 400 {@code invalid-import} comes back as an {@link ApiRefusal} whose
     * {@link ApiRefusal#problem()} holds the row-by-row {@code errors}.
     *
     * @param sheet which sheet a CSV file is; null for an XLSX (its worksheets say)
     */
    public Map<String, Object> send(UUID importId, String fileName, byte[] content, boolean dryRun, boolean createMissing,
            String sheet) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return client.post()
                .uri(uri -> {
                    uri.path("/api/imports").queryParam("importId", importId).queryParam("dryRun", dryRun)
                            .queryParam("createMissing", createMissing);
                    if (sheet != null) {
                        uri.queryParam("sheet", sheet);
                    }
                    return uri.build();
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(OBJECT);
    }

    /** GET /api/imports/{id}: state, rowsDone, rowsTotal while an import runs. */
    public Map<String, Object> status(UUID importId) {
        return client.get().uri("/api/imports/{id}", importId).retrieve().body(OBJECT);
    }

    /** A template as command-service writes it, to pass on to the browser. */
    public ResponseEntity<byte[]> template(String format, String sheet, String lang) {
        return client.get().uri(uri -> {
            uri.path("/api/imports/template." + format).queryParam("lang", lang);
            if (sheet != null) {
                uri.queryParam("sheet", sheet);
            }
            return uri.build();
        }).retrieve().toEntity(byte[].class);
    }
}
