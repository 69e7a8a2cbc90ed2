package org.opcat.followup.query.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.query.report.AnnualReport.AuthorityFigures;
import org.springframework.stereotype.Component;

/**
 * The charts of the html and pdf, drawn by JFreeChart from the computed report (no figure is made
 * here) and embedded as PNG data URIs, so the document is one self-contained file. Every text of a
 * chart uses {@link ReportFont}: the labels may be Chinese and Java's default fonts have no CJK glyphs.
 */
@Component
public class ReportCharts {

    /** Drawn at twice the displayed size so print stays sharp. */
    private static final int SCALE = 2;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;

    private final ReportFont font;

    public ReportCharts(ReportFont font) {
        this.font = font;
    }

    public record Charts(String statusPng, String authorityPng) {
    }

    public Charts draw(AnnualReport report, ReportLabels labels) {
        return new Charts(dataUri(statusChart(report.byImplementationStatus(), labels)),
                dataUri(authorityChart(report, labels)));
    }

    private JFreeChart statusChart(Map<ImplementationStatus, Long> byStatus, ReportLabels labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = labels.text("chart.axis.recommendations");
        byStatus.forEach((status, count) -> data.addValue(count, series, labels.of(status)));
        JFreeChart chart = ChartFactory.createBarChart(labels.text("chart.status.title"), null,
                labels.text("chart.axis.recommendations"), data, PlotOrientation.HORIZONTAL, false, false, false);
        style(chart);
        return chart;
    }

    private JFreeChart authorityChart(AnnualReport report, ReportLabels labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String implemented = labels.text("chart.series.implemented");
        String open = labels.text("chart.series.open");
        for (AuthorityFigures a : report.byAuthority()) {
            data.addValue(a.implemented(), implemented, a.name());
            data.addValue(a.open(), open, a.name());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(labels.text("chart.authority.title"), null,
                labels.text("chart.axis.recommendations"), data, PlotOrientation.HORIZONTAL, true, false, false);
        style(chart);
        return chart;
    }

    private void style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(font.awt(16f));
        theme.setLargeFont(font.awt(13f));
        theme.setRegularFont(font.awt(11f));
        theme.setSmallFont(font.awt(10f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x2E7D32));
        renderer.setSeriesPaint(1, new Color(0xC62828));
        renderer.setMaximumBarWidth(0.12);
    }

    private static String dataUri(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
