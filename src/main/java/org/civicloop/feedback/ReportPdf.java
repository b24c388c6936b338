package org.civicloop.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Numbers;

/**
 * The report as a PDF, drawn with Apache PDFBox: the same sections as the page, with the before/after and vote
 * charts as bars. All text is drawn as plain text (nothing in it can act: no links, scripts or markup), and
 * characters the standard fonts cannot show become "?".
 */
public final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final Locale locale;
    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;

    private ReportPdf(Locale locale) {
        this.locale = locale;
    }

    /** The PDF bytes of one report version, labelled in the given language. */
    public static byte[] render(Report report, Locale locale) {
        ReportPdf pdf = new ReportPdf(locale);
        try {
            return pdf.write(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    private String money(Long amount, String currency) {
        if (amount == null) {
            return "-";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            f.setCurrency(java.util.Currency.getInstance(currency));
        } catch (RuntimeException ignored) {
            // keep the locale's currency sign
        }
        f.setMaximumFractionDigits(0);
        return f.format(amount);
    }

    private byte[] write(Report r) throws IOException {
        doc.getDocumentInformation().setTitle(clean(t("report.heading", r.title())));
        doc.getDocumentInformation().setCreator("CivicLoop");
        doc.getDocumentCatalog().setLanguage(locale.getLanguage());
        newPage();
        text(bold, 18, t("report.heading", r.title()));
        text(regular, 10, r.council() + " - " + t("report.versionLine", r.version(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                        .format(r.publishedAt().atZone(ZoneOffset.UTC))));
        if (r.changeNote() != null) {
            text(bold, 10, t("report.changeNote") + " " + r.changeNote());
        }
        for (Report.VersionNote v : r.earlierVersions()) {
            if (v.changeNote() != null) {
                text(regular, 9, t("report.earlierVersion", v.version()) + ": " + v.changeNote());
            }
        }
        heading(t("report.changed"));
        text(regular, 11, r.changed().summary());
        for (String title : r.changed().adoptedOrModified()) {
            text(regular, 11, "- " + title);
        }
        text(regular, 11, t("report.committed", money(r.changed().committed(), r.currency())));

        heading(t("report.question"));
        text(regular, 11, r.question() == null ? "-" : r.question());

        heading(t("report.whoTookPart"));
        Report.Participation p = r.participation();
        text(regular, 11, t("report.participation", p.pool(), p.jury(), p.juryBallots(), p.residentBallots()));
        for (Report.Representation line : p.representation()) {
            text(regular, 10, line.feature() + " " + line.value() + ": " + t("report.representationLine",
                    line.jury(), line.min(), line.max()) + (line.withinTarget() ? "" : " (" + t("report.outside") + ")"));
        }

        heading(t("report.whatTheyHeard"));
        text(regular, 11, t("report.heardLine", r.heard().items()));

        heading(t("report.viewsChanged"));
        List<ShiftChart.Chart> charts = new ArrayList<>(ShiftChart.statements(r.shift()));
        charts.addAll(ShiftChart.options(r.shift()));
        if (charts.isEmpty()) {
            text(regular, 11, t("report.noShift"));
        }
        for (ShiftChart.Chart c : charts) {
            text(bold, 10, c.label());
            if (c.respondents() == 0) {
                text(regular, 9, t("shift.noAnswers"));
                continue;
            }
            text(regular, 9, t("report.shiftSummary", Numbers.change(c.meanShift(), locale), c.changed(), c.respondents()));
            for (ShiftChart.Bar b : c.bars()) {
                barPair(b.answer(), b.beforePercent(), b.afterPercent());
            }
            for (var g : c.groups()) {
                text(regular, 9, "  " + g.feature() + " " + g.value() + ": " + (g.respondents() == 0
                        ? t("shift.noAnswers") : t("report.shiftSummary", Numbers.change(g.meanShift(), locale),
                        g.changed(), g.respondents())));
            }
        }
        text(regular, 9, t("report.legend"));

        heading(t("report.howTheyVoted"));
        Report.Vote v = r.vote();
        text(regular, 11, t("report.voteLead", v.ballots(), t("rule." + v.rule())));
        double top = v.funded().stream().mapToDouble(f -> number(f.score())).max().orElse(0);
        for (Report.Funded f : v.funded()) {
            double s = number(f.score());
            scoreBar(f.title() + " (" + f.score() + ")", top == 0 ? 0 : (float) (s / top));
        }
        for (Report.NotFunded n : v.notFunded()) {
            text(regular, 10, t("report.notFunded", n.title(), ReportText.why(r, n, locale)));
        }
        for (String round : ReportText.steps(r, locale)) {
            text(regular, 9, "- " + round);
        }
        text(regular, 10, t("report.residentsVote", v.residentBallots(), String.join(", ", v.residentWinners())));
        if (v.campaign() != null && v.campaign().flagged() > 0) {
            Report.Campaign c = v.campaign();
            text(regular, 10, t("flagged.treated", c.flagged(), c.counted(), c.excluded()));
            for (Report.Treated d : c.decisions()) {
                text(regular, 10, "- " + t(d.excluded() ? "flagged.treatedExcluded" : "flagged.treatedCounted",
                        d.ballots(), d.reason()));
            }
            if (c.undecided() > 0) {
                text(regular, 10, "- " + t("flagged.treatedUndecided", c.undecided()));
            }
        } else if (v.flaggedResidentBallots() != null && v.flaggedResidentBallots() > 0) {
            text(regular, 10, t("flagged.public", v.flaggedResidentBallots()));
        }

        budgets(r);

        heading(t("report.decisions"));
        for (Report.Decision d : r.decisions()) {
            text(bold, 11, d.rank() + ". " + d.title() + ": " + t("response." + d.response()));
            if (!r.budgetSections().isEmpty()) {
                text(regular, 10, t("report.inBudget") + " " + ReportText.budgetName(r, d.budgetCode(), locale));
            }
            text(regular, 10, t("report.support") + " " + ReportText.support(d, locale));
            if (d.minorityPositions() != null) {
                text(regular, 10, t("report.minority") + " " + ReportText.minority(d, locale));
            }
            text(regular, 10, t("report.why") + " " + d.rationale());
            text(regular, 10, t("report.tradeOff") + " " + d.tradeOff());
            if (d.amountCommitted() != null) {
                text(regular, 10, t("report.budget", money(d.amountCommitted(), r.currency()), d.budgetLine()));
            }
            text(regular, 10, t("report.whoLoses") + " " + d.whoLoses());
            text(regular, 10, t("report.offered") + " " + d.offered());
            text(regular, 10, t("report.decidedBy") + " " + d.decisionMaker());
            if (d.signoffMember() != null) {
                text(regular, 10, t("report.signedOff", d.signoffMember(), d.signoffOn().toString()));
            }
            y -= 4;
        }
        if (!r.minorityPositions().isEmpty()) {
            heading(t("report.minorityHeading"));
            for (String m : r.minorityPositions()) {
                text(regular, 10, "- " + m);
            }
        }

        heading(t("report.next"));
        text(regular, 11, r.next().steps());
        if (r.next().nextDate() != null) {
            text(regular, 11, t("report.nextDate", r.next().nextDate().toString()));
        }

        heading(t("report.check"));
        text(regular, 10, t("report.auditHead") + " " + r.check().auditHeadHash());
        if (r.check().auditCheckpoint() != null) {
            text(regular, 10, t("report.auditCheckpoint"));
            for (String line : r.check().auditCheckpoint().split("\n")) {
                text(regular, 8, line.isEmpty() ? " " : line);
            }
        }
        for (Report.Link l : r.check().openData()) {
            text(regular, 10, t(l.label()) + ": " + l.path());
        }
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        doc.close();
        return bytes.toByteArray();
    }

    /** One section per budget (when the cycle has district budgets): envelope, rule, count and winners. */
    private void budgets(Report r) throws IOException {
        if (r.budgetSections().isEmpty()) {
            return;
        }
        heading(t("report.budgetsHeading"));
        text(regular, 10, t("report.budgetsLead"));
        for (Report.BudgetSection b : r.budgetSections()) {
            y -= 4;
            text(bold, 11, b.cityWide() ? t("budget.cityWide") : b.label());
            if (b.cityWide()) {
                text(regular, 10, t("report.cityBudgetFacts", money(b.amount(), r.currency()), t("rule." + b.rule()))
                        + " " + t("report.howTheyVoted"));
            } else {
                text(regular, 10, t("report.districtBudgetFacts", b.district(), money(b.amount(), r.currency()),
                        t("rule." + b.rule()), b.ballots()));
                double top = b.funded().stream().mapToDouble(f -> number(f.score())).max().orElse(0);
                for (Report.Funded f : b.funded()) {
                    scoreBar(f.title() + " (" + f.score() + ")", top == 0 ? 0 : (float) (number(f.score()) / top));
                }
                for (Report.NotFunded n : b.notFunded()) {
                    text(regular, 10, t("report.notFunded", n.title(), ReportText.why(r, b, n, locale)));
                }
                for (String step : ReportText.steps(r, b, locale)) {
                    text(regular, 9, "- " + step);
                }
            }
            List<Report.Funded> funded = b.cityWide() ? r.vote().funded() : b.funded();
            text(regular, 10, t("report.budgetFunds", funded.isEmpty() ? "-"
                    : String.join(", ", funded.stream().map(Report.Funded::title).toList())));
        }
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void heading(String s) throws IOException {
        y -= 8;
        need(40);
        text(bold, 13, s);
    }

    private void text(PDType1Font font, float size, String s) throws IOException {
        for (String line : wrap(font, size, clean(s == null ? "" : s), WIDTH)) {
            need(size + 4);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y - size);
            out.showText(line);
            out.endText();
            y -= size + 4;
        }
    }

    /** Two bars for one answer: before (grey) and after (blue), as a share of the respondents. */
    private void barPair(String answer, int before, int after) throws IOException {
        need(22);
        label(answer, 9);
        bar(y - 9, before, 0.6f, 0.6f, 0.6f, t("report.before") + " " + Numbers.percentage(before, locale));
        bar(y - 19, after, 0.1f, 0.3f, 0.7f, t("report.after") + " " + Numbers.percentage(after, locale));
        y -= 22;
    }

    private void scoreBar(String label, float share) throws IOException {
        need(14);
        label(label, 9);
        bar(y - 10, Math.round(share * 100), 0.1f, 0.45f, 0.3f, "");
        y -= 14;
    }

    private void label(String s, float size) throws IOException {
        String line = wrap(regular, size, clean(s), 140).get(0);
        out.beginText();
        out.setFont(regular, size);
        out.newLineAtOffset(MARGIN, y - size);
        out.showText(line);
        out.endText();
    }

    private void bar(float top, int percent, float r, float g, float b, String caption) throws IOException {
        float x = MARGIN + 150;
        float full = WIDTH - 150 - 90;
        out.setNonStrokingColor(r, g, b);
        out.addRect(x, top, Math.max(1, full * Math.min(100, Math.max(0, percent)) / 100f), 8);
        out.fill();
        out.setNonStrokingColor(0f, 0f, 0f);
        if (!caption.isEmpty()) {
            out.beginText();
            out.setFont(regular, 8);
            out.newLineAtOffset(x + full + 6, top);
            out.showText(clean(caption));
            out.endText();
        }
    }

    private List<String> wrap(PDType1Font font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Only what the standard font can draw: control characters become spaces, others it lacks become "?". */
    private String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                b.append(' ');
            } else {
                String c = new String(Character.toChars(cp));
                try {
                    regular.encode(c);
                    b.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            }
        });
        return b.toString();
    }
}
