package org.opcat.followup.query.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The one font of the pdf and the charts: Noto Sans SC, which covers CJK as well as Latin text, so
 * a Chinese report (or a Chinese title in an English one) shows real glyphs, not boxes. The build
 * unpacks it into {@code report/fonts/} on the classpath (query-service/pom.xml). Read once: 10 MB.
 */
@Component
public class ReportFont {

    public static final String FAMILY = "Noto Sans SC";
    static final String RESOURCE = "report/fonts/NotoSansSC_400Regular.ttf";

    private volatile byte[] bytes;
    private volatile Font awtFont;

    /** The TrueType file, for the pdf renderer to embed (it subsets it to the glyphs used). */
    public InputStream open() {
        return new ByteArrayInputStream(bytes());
    }

    /** The same face for Java2D (charts), at the given size. */
    public Font awt(float size) {
        Font font = awtFont;
        if (font == null) {
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, open());
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read the report font " + RESOURCE, e);
            }
            awtFont = font;
        }
        return font.deriveFont(size);
    }

    private byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath: build query-service with"
                            + " Maven, which unpacks it (needs npm on the first build)");
                }
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = b;
        }
        return b;
    }
}
