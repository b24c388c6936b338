package org.civicloop.feedback;

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
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append('\n');
    }

    /** Quoted when needed; text starting with = + - @ gets a leading ' so spreadsheets do not run it. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (value instanceof CharSequence && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
