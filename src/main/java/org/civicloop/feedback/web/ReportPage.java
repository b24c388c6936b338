package org.civicloop.feedback.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civicloop.cycle.Cycles;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Report;
import org.civicloop.feedback.ReportText;
import org.civicloop.feedback.ReportVersion;
import org.civicloop.feedback.ShiftChart;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.VotingService;

/** The public "you said, we did" page of one cycle: the latest report version, or an earlier one by number. */
@Named
@ViewScoped
public class ReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FeedbackService feedback;
    @Inject
    Cycles cycles;

    private Long cycle;
    private Integer v;
    private Report report;
    private String hash;
    private List<VersionRow> versions = List.of();

    /** A version in the list of versions: its number, date, change note and hash. */
    public record VersionRow(int number, java.time.Instant publishedAt, String changeNote, String sha256) {
    }

    public void load() throws IOException {
        Optional<ReportVersion> version = cycle == null || cycles.findPublished(cycle).isEmpty() ? Optional.empty()
                : v == null ? feedback.latest(cycle) : feedback.version(cycle, v);
        if (version.isEmpty()) {
            Ui.sendError(404, Ui.text("fb.notPublished"));
            return;
        }
        report = feedback.read(version.get());
        hash = version.get().getContentHash();
        versions = feedback.versions(cycle).stream().map(x -> new VersionRow(x.getVersionNo(), x.getPublishedAt(),
                x.getChangeNote(), x.getContentHash())).toList();
    }

    public Report getReport() { return report; }
    public String getHash() { return hash; }
    public List<VersionRow> getVersions() { return versions; }
    public int getLatestNumber() { return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number(); }
    public boolean isLatest() { return report != null && report.version() == getLatestNumber(); }
    public List<ShiftChart.Chart> getStatementCharts() { return ShiftChart.statements(report.shift()); }
    public List<ShiftChart.Chart> getOptionCharts() { return ShiftChart.options(report.shift()); }
    public boolean isShiftEmpty() { return report.shift() == null || report.shift().isEmpty(); }
    public List<Report.Decision> getDecisions() { return report.decisions(); }
    /** Why an option was not funded, in the reader's language. */
    public String why(Report.NotFunded option) {
        return ReportText.why(report, option, Ui.locale());
    }

    /** A decision's support line, in the reader's language. */
    public String support(Report.Decision d) {
        return ReportText.support(d, Ui.locale());
    }

    /** A decision's minority line, in the reader's language when it was generated. */
    public String minority(Report.Decision d) {
        return ReportText.minority(d, Ui.locale());
    }

    /** The steps of the count, in the reader's language. */
    public List<String> getSteps() {
        return ReportText.steps(report, Ui.locale());
    }

    /** A line of the report's vote table: every option once, highest score first, funded or not. */
    public record VoteRow(String title, String score, Long cost, boolean funded, String why) {
    }

    public List<VoteRow> getVoteRows() {
        List<VoteRow> rows = new ArrayList<>();
        report.vote().funded().forEach(f -> rows.add(new VoteRow(f.title(), f.score(), f.cost(), true, null)));
        report.vote().notFunded().forEach(n -> rows.add(new VoteRow(n.title(), n.score(), n.cost(), false, why(n))));
        rows.sort(Comparator.comparingDouble((VoteRow r) -> VotingService.Count.numeric(r.score())).reversed());
        return rows;
    }

    /** The report's sections per budget (city-wide first); empty for a cycle with one budget. */
    public List<Report.BudgetSection> getBudgetSections() {
        return report.budgetSections();
    }

    /** A district budget's count table: every option once, highest score first, funded or not (and why). */
    public List<VoteRow> rows(Report.BudgetSection section) {
        List<VoteRow> rows = new ArrayList<>();
        section.funded().forEach(f -> rows.add(new VoteRow(f.title(), f.score(), f.cost(), true, null)));
        section.notFunded().forEach(n -> rows.add(new VoteRow(n.title(), n.score(), n.cost(), false,
                ReportText.why(report, section, n, Ui.locale()))));
        rows.sort(Comparator.comparingDouble((VoteRow r) -> VotingService.Count.numeric(r.score())).reversed());
        return rows;
    }

    /** The steps of a district budget's count, in the reader's language. */
    public List<String> steps(Report.BudgetSection section) {
        return ReportText.steps(report, section, Ui.locale());
    }

    /** The name of the budget a decision belongs to, in the reader's language. */
    public String budgetName(Report.Decision d) {
        return ReportText.budgetName(report, d.budgetCode(), Ui.locale());
    }

    /** The decisions of one budget, in rank order. */
    public List<Report.Decision> decisionsOf(Report.BudgetSection section) {
        return report.decisions().stream().filter(d -> section.cityWide() ? d.budgetCode() == null
                : section.code().equals(d.budgetCode())).toList();
    }

    /** The titles of a budget's funded options (the city-wide budget's: the jury count's), or a dash. */
    public String funded(Report.BudgetSection section) {
        List<Report.Funded> funded = section.cityWide() ? report.vote().funded() : section.funded();
        return funded.isEmpty() ? "\u2014" : String.join(", ", funded.stream().map(Report.Funded::title).toList());
    }

    public String getResidentWinners() {
        return report.vote().residentWinners().isEmpty() ? "\u2014" : String.join(", ", report.vote().residentWinners());
    }

    public Long getCycle() { return cycle; }
    public void setCycle(Long cycle) { this.cycle = cycle; }
    public Integer getV() { return v; }
    public void setV(Integer v) { this.v = v; }
}
