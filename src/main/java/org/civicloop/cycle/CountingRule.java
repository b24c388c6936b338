package org.civicloop.cycle;

import java.util.Locale;

/** How the vote will be counted; fixed in the mandate before voting opens. Names are the tools jar's rule names. */
public enum CountingRule {
    GREEDY, MES, MES_ADD1, IRV, SCHULZE, BORDA, STV_MEEK, STV_SCOTTISH;

    /** The rule's name on the command line: {@code mes-add1}, {@code stv-meek}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isBudgetRule() {
        return this == GREEDY || this == MES || this == MES_ADD1;
    }
}
