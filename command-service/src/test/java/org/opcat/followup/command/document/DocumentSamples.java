package org.opcat.followup.command.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The files the document tests upload, made by code here (POI, ImageIO, the JDK's zip), except
 * the Chinese PDF: {@code documents/letter-zh.pdf} was written once by {@link #main} with PDFBox
 * and a subset of the WenQuanYi Zen Hei font (GPL with font embedding exception), and is kept as
 * a resource because the font is not on every machine.
 */
final class DocumentSamples {

    /** A word that occurs only in the Chinese letter: the search finds a recommendation by it. */
    static final String PDF_WORD = "禁闭室通风";
    static final String PDF_TEXT = "关于第一监狱禁闭室通风问题的复函。监狱管理局已于2026年3月更换通风设备。";

    private DocumentSamples() {
    }

    static byte[] chinesePdf() {
        try (InputStream in = DocumentSamples.class.getResourceAsStream("/documents/letter-zh.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: pixels, no words. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLACK);
        g.drawLine(4, 24, 60, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a Windows executable (the DOS header's "MZ" and the PE signature it points to). */
    static byte[] executable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /**
     * A real DOCX whose main part, word/document.xml, holds 200 MB of one letter: about 200 KB
     * compressed, a ratio no document has.
     */
    static byte[] zipBomb() {
        byte[] docx = docx("bomb");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                            + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] block = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 200; i++) {
                        zip.write(block);
                    }
                    zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes documents/letter-zh.pdf: {@code main <path of the resource>}. */
    public static void main(String[] args) throws IOException {
        try (PDDocument document = new PDDocument();
                TrueTypeCollection fonts = new TrueTypeCollection(new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))) {
            PDType0Font font = PDType0Font.load(document, fonts.getFontByName("WenQuanYiZenHei"), true);
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(font, 14);
                text.newLineAtOffset(72, 700);
                text.showText(PDF_TEXT);
                text.endText();
            }
            document.save(Path.of(args[0]).toFile());
        }
        System.out.println(Files.size(Path.of(args[0])) + " bytes");
    }
}
