package org.opcat.followup.query.report;

import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.opcat.followup.query.report.AnnualReport.Summary;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as one printable, self-contained html document (charts inlined), from the Thymeleaf
 * template {@code templates/report/annual.html}. Every user text goes through {@code th:text}, which
 * escapes it. The pdf is made from this same document.
 *
 * <p>Its own template engine rather than the application's: the report's templates and labels stay
 * out of the way of any other view.
 */
@Component
public class HtmlReport {

    /** One line of the summary table, in the order of the json. */
    public record SummaryLine(String key, long value) {
    }

    private final SpringTemplateEngine engine;
    private final ReportCharts charts;

    public HtmlReport(ReportCharts charts) {
        this.charts = charts;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // The detail list evaluates some thirty expressions per recommendation: compiled to
        // bytecode after their first uses instead of interpreted (reflection) every time.
        engine.setEnableSpringELCompiler(true);
    }

    public String render(AnnualReport report, ReportLabels labels) {
        StringWriter out = new StringWriter();
        write(report, labels, out);
        return out.toString();
    }

    /**
     * Writes the document to {@code out} as Thymeleaf processes the template, so the report's lists
     * are read a slice at a time while they are written rather than held whole.
     */
    public void write(AnnualReport report, ReportLabels labels, Writer out) {
        Context context = new Context(labels.locale());
        context.setVariable("report", report);
        context.setVariable("period", new ReportPeriod(report.year(), report.asOf(), report.knownAt()));
        context.setVariable("labels", labels);
        context.setVariable("summary", summaryLines(report.summary()));
        context.setVariable("charts", charts.draw(report, labels));
        engine.process("annual", context, out);
    }

    private static List<SummaryLine> summaryLines(Summary s) {
        return List.of(new SummaryLine("issuedInYear", s.issuedInYear()),
                new SummaryLine("implementedInYear", s.implementedInYear()),
                new SummaryLine("withdrawnInYear", s.withdrawnInYear()),
                new SummaryLine("responsesReceivedInYear", s.responsesReceivedInYear()),
                new SummaryLine("actionPlansFiledInYear", s.actionPlansFiledInYear()),
                new SummaryLine("followUpVisitsInYear", s.followUpVisitsInYear()),
                new SummaryLine("openAtAsOf", s.openAtAsOf()));
    }
}
