package org.civicloop.feedback;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Numbers;

/**
 * The generated lines of a recommendation (how strongly it was supported; how many jurors did not rank it) in the
 * reader's language, written from the figures the recommendation keeps. What a person typed (a jury recommendation's
 * support, minority positions a facilitator noted) stays as it was written.
 */
public final class SupportText {

    private SupportText() {
    }

    /**
     * The support line: "16 points; first choice of 4 of 5 jurors" (the jury's count), "Funded by the residents'
     * vote (…)" (the residents' channel), or the stored text (a jury recommendation, or a row from before the
     * count's score was kept).
     */
    public static String support(Recommendation.Source source, String stored, String juryScore, int firstChoices,
                                 int juryBallots, String residentScore, int residentBallots, Locale locale) {
        if (source == Recommendation.Source.COUNT && juryScore != null) {
            return count(juryScore, firstChoices, juryBallots, locale);
        }
        if (source == Recommendation.Source.RESIDENTS && residentScore != null) {
            return residents(residentScore, residentBallots, locale);
        }
        return stored;
    }

    /** A generated support line as data: its message key and named figures (null when a person typed it). */
    public record Data(String code, java.util.Map<String, Object> values) {
    }

    /** The support line as data, as {@link #support} would write it; null for text a person typed. */
    public static Data data(Recommendation.Source source, String juryScore, int firstChoices, int juryBallots,
                            String residentScore, int residentBallots) {
        if (source == Recommendation.Source.COUNT && juryScore != null) {
            java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put("score", juryScore);
            v.put("firstChoices", firstChoices);
            v.put("juryBallots", juryBallots);
            return new Data("recommendation.support", v);
        }
        if (source == Recommendation.Source.RESIDENTS && residentScore != null) {
            java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put("score", residentScore);
            v.put("residentBallots", residentBallots);
            return new Data("feedback.support.residents", v);
        }
        return null;
    }

    static String count(String score, int firstChoices, int juryBallots, Locale locale) {
        BigDecimal value = number(score);
        return Messages.format(locale, "recommendation.support", value == null ? 0 : value.doubleValue(),
                firstChoices, juryBallots, value == null ? "\u2014" : Numbers.number(value, locale));
    }

    static String residents(String score, int residentBallots, Locale locale) {
        BigDecimal value = number(score);
        return Messages.format(locale, "feedback.support.residents", value == null ? 0 : value.doubleValue(),
                residentBallots, value == null ? "\u2014" : Numbers.number(value, locale));
    }

    /** A district budget's winner: funded by the vote of the district's residents in their budget. */
    static String district(String score, int residentBallots, Locale locale) {
        BigDecimal value = number(score);
        return Messages.format(locale, "feedback.support.district", value == null ? 0 : value.doubleValue(),
                residentBallots, value == null ? "\u2014" : Numbers.number(value, locale));
    }

    /** "2 of 5 jurors did not rank this option at all.", or null when every juror ranked it. */
    static String notRanked(int juryBallots, int rankedBy, Locale locale) {
        int notRanking = juryBallots - rankedBy;
        return notRanking > 0 ? Messages.format(locale, "feedback.minority.notRanked", notRanking, juryBallots) : null;
    }

    /**
     * The minority line: the generated "did not rank" sentence in the reader's language when that is what is
     * stored, otherwise what a person wrote.
     */
    public static String minority(String stored, int juryBallots, int rankedBy, Locale locale) {
        if (stored != null && stored.equals(notRanked(juryBallots, rankedBy, Locale.ENGLISH))) {
            return notRanked(juryBallots, rankedBy, locale);
        }
        return stored;
    }

    /** A score as the count writes it ("16", "7.5", "15/2"), or null when it is none. */
    static BigDecimal number(String score) {
        if (score == null || score.isBlank()) {
            return null;
        }
        try {
            int slash = score.indexOf('/');
            return slash < 0 ? new BigDecimal(score.strip()) : new BigDecimal(score.substring(0, slash).strip())
                    .divide(new BigDecimal(score.substring(slash + 1).strip()), MathContext.DECIMAL64);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
