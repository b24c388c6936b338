package org.civicloop.feedback;

import org.civicloop.kernel.Csv;

/** The responses of a report version as CSV (RFC 4180), safe to open in a spreadsheet. */
public final class ResponsesCsv {

    static final String HEADER = "cycle_id,report_version,rank,source,option_code,title,jury_ballots,ranked_by,"
            + "first_choices,resident_funded,response,rationale,trade_off,budget_line,amount_committed,currency,"
            + "who_loses,offered,decision_maker,political_decision,signed_off_by,signed_off_on\n";

    private ResponsesCsv() {
    }

    public static String write(Report r) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Report.Decision d : r.decisions()) {
            row(csv, r.cycleId(), r.version(), d.rank(), d.source(), d.optionCode(), d.title(), d.juryBallots(),
                    d.rankedBy(), d.firstChoices(), d.residentFunded(), d.response(), d.rationale(), d.tradeOff(),
                    d.budgetLine(), d.amountCommitted(), r.currency(), d.whoLoses(), d.offered(), d.decisionMaker(),
                    d.political(), d.signoffMember(), d.signoffOn());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Object... cells) {
        csv.append(Csv.exportRow(java.util.Arrays.asList(cells)));
    }

    /** One cell as every export writes it ({@link Csv#exportCell}). */
    static String cell(Object value) {
        return Csv.exportCell(value);
    }
}
