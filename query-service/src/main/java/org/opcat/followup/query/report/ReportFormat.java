package org.opcat.followup.query.report;

import org.springframework.http.MediaType;

/** The renderings of one computed report. */
public enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    HTML(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8), "html"),
    CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv"),
    PDF(MediaType.APPLICATION_PDF, "pdf");

    private final MediaType mediaType;
    private final String extension;

    ReportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
