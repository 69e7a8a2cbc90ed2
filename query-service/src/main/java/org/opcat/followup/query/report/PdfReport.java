package org.opcat.followup.query.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The pdf: the html document laid out by openhtmltopdf, with {@link ReportFont} registered under the
 * family the stylesheet names first, so every glyph (Chinese included) comes from that embedded,
 * subsetted font. jsoup turns the HTML5 into the DOM openhtmltopdf expects (it reads XML only).
 */
@Component
public class PdfReport {

    private final HtmlReport html;
    private final ReportFont font;

    public PdfReport(HtmlReport html, ReportFont font) {
        this.html = html;
        this.font = font;
    }

    public byte[] render(AnnualReport report, ReportLabels labels) {
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html.render(report, labels)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font::open, ReportFont.FAMILY);
            builder.withW3cDocument(document, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
