package org.civicloop.kernel;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An integer amount of a currency's major unit (budgets and option costs are whole units). */
public record Money(long amount, String currency) {

    public Money {
        Currency.getInstance(currency);
    }

    public String format(Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(Currency.getInstance(currency));
        f.setMaximumFractionDigits(0);
        return f.format(amount);
    }
}
