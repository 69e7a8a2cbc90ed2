package org.opcat.followup.spreadsheet.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.opcat.followup.spreadsheet.Column;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetWriter;

/**
 * Workbooks built to exhaust a reader: small files whose recommendations sheet unpacks to a huge
 * XML. Made on the fly, streamed through java.util.zip (never kept unpacked, never committed): a
 * real workbook of the layout whose first worksheet is replaced.
 */
public final class HostileWorkbooks {

    /** The first worksheet as SheetWriter (POI's SXSSF) names it: the recommendations sheet. */
    private static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";

    /** What a worksheet's XML says, written piece by piece. */
    @FunctionalInterface
    public interface SheetData {
        void write(OutputStream out) throws IOException;
    }

    private HostileWorkbooks() {
    }

    /** About {@code bytes} of one row of identical cells after another: packs to roughly a thousandth. */
    public static byte[] zipBomb(long bytes) {
        StringBuilder row = new StringBuilder("<row>");
        for (int c = 0; c < 15; c++) {
            row.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
        }
        row.append("</row>");
        byte[] chunk = row.toString().repeat(1 << 20 / row.length()).getBytes(StandardCharsets.US_ASCII);
        return recommendations(out -> {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        });
    }

    /** {@code count} rows of distinct references: packs only about ten to one, as ordinary sheets do. */
    public static byte[] rows(int count) {
        return recommendations(out -> {
            for (int r = 2; r <= count + 1; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>R-" + Integer.toHexString(r * 7919)
                        + "</t></is></c></row>").getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    /** One recommendation whose title is {@code chars} random letters. */
    public static byte[] longCell(int chars) {
        return recommendations(out -> out.write(("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>R-1</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>" + letters(chars) + "</t></is></c></row>")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    public static String letters(int chars) {
        Random random = new Random(chars);
        StringBuilder text = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** A workbook of the layout whose recommendations sheet holds the layout's headers, then {@code data}. */
    public static byte[] recommendations(SheetData data) {
        StringBuilder header = new StringBuilder("<row r=\"1\">");
        for (Column column : Sheet.RECOMMENDATIONS.columns()) {
            header.append("<c t=\"inlineStr\"><is><t>").append(column.header(HeaderLanguage.EN)).append("</t></is></c>");
        }
        header.append("</row>");
        return replacing(SheetWriter.xlsx(HeaderLanguage.EN, Map.of()), FIRST_SHEET, out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                    + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + header)
                    .getBytes(StandardCharsets.UTF_8));
            data.write(out);
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The workbook with one part's content replaced. */
    public static byte[] replacing(byte[] workbook, String part, SheetData content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean found = false;
        // POI writes sizes after the data, which only commons-compress's stream reads.
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(workbook), "UTF-8", true, true);
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    found = true;
                    content.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new IllegalArgumentException("no part " + part + " in the workbook");
        }
        return bytes.toByteArray();
    }
}
