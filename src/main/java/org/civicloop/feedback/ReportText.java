package org.civicloop.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.voting.count.text.ExplanationText;

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

    /** A decision's support line. */
    public static String support(Report.Decision d, Locale locale) {
        return SupportText.support(d.source(), d.support(), d.juryScore(), d.firstChoices(), d.juryBallots(),
                d.residentScore(), d.residentBallots(), locale);
    }

    /** A decision's minority line (the generated one in the reader's language, a person's as written). */
    public static String minority(Report.Decision d, Locale locale) {
        return SupportText.minority(d.minorityPositions(), d.juryBallots(), d.rankedBy(), locale);
    }

    private static ExplanationText writer(Report report, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        report.vote().funded().forEach(f -> names.put(f.code(), f.title()));
        report.vote().notFunded().forEach(n -> names.put(n.code(), n.title()));
        return new ExplanationText(locale, names, report.currency());
    }
}
