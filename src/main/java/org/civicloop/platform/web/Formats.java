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

    /** A probability (0..1) as a percentage in the page's language, one decimal. */
    public String percent(double share) {
        java.text.NumberFormat f = java.text.NumberFormat.getPercentInstance(Ui.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    public String isoDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public Locale locale() {
        return Ui.locale();
    }
}
