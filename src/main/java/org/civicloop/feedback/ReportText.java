package org.civicloop.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.voting.count.text.ExplanationText;
import org.civicloop.kernel.Messages;

/**
 * The count's sentences of a published report in the reader's language, written from the data the version stores
 * (options by title, amounts in the report's currency). Versions published before the data was stored keep their
 * English sentences.
 */
public final class ReportText {

    private ReportText() {
    }

    /** Why an option was not funded. */
    public static String why(Report report, Report.NotFunded option, Locale locale) {
        if (option.reason() == null) {
            return option.why();
        }
        String text = writer(report, locale).text(option.reason().code(), option.reason().values());
        return text == null ? option.why() : text;
    }

    /** The steps of the count, in order. */
    public static List<String> steps(Report report, Locale locale) {
        Report.Vote vote = report.vote();
        if (vote.steps() == null || vote.steps().isEmpty()) {
            return vote.rounds();
        }
        ExplanationText writer = writer(report, locale);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vote.steps().size(); i++) {
            Report.Reason step = vote.steps().get(i);
            String text = writer.text(step.code(), step.values());
            out.add(text != null ? text : i < vote.rounds().size() ? vote.rounds().get(i) : step.code());
        }
        return out;
    }

    /** Why an option of a district budget's section was not funded. */
    public static String why(Report report, Report.BudgetSection section, Report.NotFunded option, Locale locale) {
        if (option.reason() == null) {
            return option.why();
        }
        String text = writer(report, section, locale).text(option.reason().code(), option.reason().values());
        return text == null ? option.why() : text;
    }

    /** The steps of a district budget's count, in order. */
    public static List<String> steps(Report report, Report.BudgetSection section, Locale locale) {
        ExplanationText writer = writer(report, section, locale);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < section.steps().size(); i++) {
            Report.Reason step = section.steps().get(i);
            String text = writer.text(step.code(), step.values());
            out.add(text != null ? text : i < section.rounds().size() ? section.rounds().get(i) : step.code());
        }
        return out;
    }

    /** A budget's name: the city-wide budget's in the reader's language, a district budget's as the officer named it. */
    public static String budgetName(Report report, String code, Locale locale) {
        Report.BudgetSection section = report.budget(code);
        return section == null || section.cityWide() ? Messages.format(locale, "budget.cityWide")
                : section.label();
    }

    /** The names of the report's budgets, city-wide first; empty for a cycle with one budget. */
    public static List<String> budgetNames(Report report, Locale locale) {
        return report.budgetSections().stream().map(b -> budgetName(report, b.code(), locale)).toList();
    }

    /** The report e-mail's text: who it is for, the link, and (with district budgets) the budgets it covers. */
    static String mailBody(Locale locale, String cycleTitle, String link, int version, List<String> budgets) {
        String body = Messages.format(locale, "mail.report.body", cycleTitle, link, version);
        if (budgets.isEmpty()) {
            return body;
        }
        String line = " " + Messages.format(locale, "mail.report.budgets",
                String.join(", ", budgets));
        int end = body.indexOf("\n\n");
        return end < 0 ? body + line : body.substring(0, end) + line + body.substring(end);
    }

    /** A decision's support line. */
    public static String support(Report.Decision d, Locale locale) {
        if (d.budgetCode() != null) {
            return SupportText.district(d.residentScore(), d.residentBallots(), locale);
        }
        return SupportText.support(d.source(), d.support(), d.juryScore(), d.firstChoices(), d.juryBallots(),
                d.residentScore(), d.residentBallots(), locale);
    }

    /** A decision's minority line (the generated one in the reader's language, a person's as written). */
    public static String minority(Report.Decision d, Locale locale) {
        return SupportText.minority(d.minorityPositions(), d.juryBallots(), d.rankedBy(), locale);
    }

    private static ExplanationText writer(Report report, Report.BudgetSection section, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        section.funded().forEach(f -> names.put(f.code(), f.title()));
        section.notFunded().forEach(n -> names.put(n.code(), n.title()));
        return new ExplanationText(locale, names, report.currency());
    }

    private static ExplanationText writer(Report report, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        report.vote().funded().forEach(f -> names.put(f.code(), f.title()));
        report.vote().notFunded().forEach(n -> names.put(n.code(), n.title()));
        return new ExplanationText(locale, names, report.currency());
    }
}
