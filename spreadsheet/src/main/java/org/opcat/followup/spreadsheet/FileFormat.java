package org.opcat.followup.spreadsheet;

import java.util.Locale;
import java.util.Optional;

/** CSV holds one sheet; XLSX holds several, one per worksheet named as in {@link Sheet}. */
public enum FileFormat {
    CSV("text/csv; charset=UTF-8", ".csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format of an uploaded file, from its name or else its declared type. Spreadsheet programs
     * and browsers disagree on CSV's media type (text/csv, application/vnd.ms-excel, text/plain),
     * so the file name decides first.
     */
    public static Optional<FileFormat> of(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Optional.of(CSV);
        }
        if (type.startsWith(XLSX.mediaType)) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
