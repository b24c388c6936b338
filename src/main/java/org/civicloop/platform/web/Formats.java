package org.civicloop.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.civicloop.kernel.Money;
import org.civicloop.kernel.Numbers;

/** #{fmt}: dates, times and money in the page's language. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    public String money(Long amount, String currency) {
        if (amount == null) {
            return "\u2014";
        }
        return currency == null ? java.text.NumberFormat.getIntegerInstance(Ui.locale()).format(amount)
                : new Money(amount, currency).format(Ui.locale());
    }

    public String date(LocalDate date) {
        return date == null ? "\u2014" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Ui.locale()));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "\u2014" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Ui.locale()).withZone(ZONE).format(instant);
    }

    /**
     * A moment kept as ISO-8601 text (the audit chain stores its timestamps so, as part of what it hashes) in the
     * page's language; text that is not such a moment is shown as it is.
     */
    public String timestamp(String iso) {
        if (iso == null || iso.isBlank()) {
            return "\u2014";
        }
        try {
            return dateTime(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A decimal number kept as text (such as a selection probability) in the page's language. */
    public String decimal(String number) {
        if (number == null || number.isBlank()) {
            return "\u2014";
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(number.strip());
            java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Ui.locale());
            f.setMaximumFractionDigits(Math.max(0, value.scale()));
            return f.format(value);
        } catch (NumberFormatException e) {
            return number;
        }
    }

    /** A probability kept as text ("0.1875") as a percentage in the page's language, one decimal; nothing is a dash. */
    public String share(String probability) {
        if (probability == null || probability.isBlank()) {
            return "\u2014";
        }
        try {
            return percent(Double.parseDouble(probability.strip()));
        } catch (NumberFormatException e) {
            return probability;
        }
    }

    /** A probability (0..1) as a percentage in the page's language, one decimal. */
    public String percent(double share) {
        java.text.NumberFormat f = java.text.NumberFormat.getPercentInstance(Ui.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /**
     * A number in the page's language: whole numbers grouped (12,500 / 12.500), decimals with as many places as the
     * value has (at most three; 2.5 / 2,5); nothing becomes a dash.
     */
    public String number(Number value) {
        return Numbers.number(value, Ui.locale());
    }

    /** A whole-number percentage (42 meaning 42 %) in the page's language: 42% / 42 %; nothing becomes a dash. */
    public String percentage(Number wholePercent) {
        return Numbers.percentage(wholePercent, Ui.locale());
    }

    /** An average (mean) with two decimal places in the page's language: 3.50 / 3,50; nothing becomes a dash. */
    public String average(Number mean) {
        return Numbers.average(mean, Ui.locale());
    }

    /** A change in an average, signed, two places: +0.50 / +0,50. */
    public String change(Number shift) {
        return Numbers.change(shift, Ui.locale());
    }

    public String isoDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public Locale locale() {
        return Ui.locale();
    }
}
