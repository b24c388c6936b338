package org.civicloop.voting;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.civicloop.kernel.Csv;

/**
 * The plain rules of paper ballots (no Jakarta): reading what a keyer typed for one sheet, reading a scanning
 * service's CSV, and comparing two keyings of a batch sheet by sheet.
 */
public final class PaperSheets {

    /** Words a keyer types for a sheet that cannot be counted (blank, several marks in one place, ...). */
    private static final Set<String> SPOILT_WORDS = Set.of("SPOILT", "SPOILED", "VOID", "NULO", "BLANK");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;>]+");
    public static final int MAX_SHEETS = 5_000;

    private PaperSheets() {
    }

    /** One sheet as keyed: the ranking (option codes, most preferred first), or spoilt. No voter identity. */
    public record Sheet(int sheetNo, List<String> ranking, boolean spoilt) {

        public String rankingText() {
            return spoilt ? "SPOILT" : String.join(" > ", ranking);
        }

        boolean sameAs(Sheet other) {
            return other != null && spoilt == other.spoilt && ranking.equals(other.ranking);
        }
    }

    /** A sheet the two keyings do not agree on (one of them may be missing). */
    public record Discrepancy(int sheetNo, Sheet first, Sheet second) {

        public boolean missing() {
            return first == null || second == null;
        }
    }

    /** Input that cannot be read: a message key of the bundle and its arguments. */
    public static final class Invalid extends Exception {
        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * Reads one sheet as typed: option codes in order of preference, separated by spaces, commas or "&gt;", matched
     * without regard to case; a blank entry or one of the words SPOILT / VOID / BLANK means the sheet is spoilt.
     */
    public static Sheet sheet(int sheetNo, String rankingText, Set<String> optionCodes) throws Invalid {
        if (sheetNo < 1 || sheetNo > MAX_SHEETS) {
            throw new Invalid("refused.paper.sheetNo", MAX_SHEETS);
        }
        String text = rankingText == null ? "" : rankingText.strip();
        if (text.isEmpty() || SPOILT_WORDS.contains(text.toUpperCase(Locale.ROOT))) {
            return new Sheet(sheetNo, List.of(), true);
        }
        if (text.length() > 2000) {
            throw new Invalid("refused.paper.ranking", sheetNo, text.substring(0, 20));
        }
        Map<String, String> byUpper = new HashMap<>();
        optionCodes.forEach(c -> byUpper.put(c.toUpperCase(Locale.ROOT), c));
        LinkedHashSet<String> ranking = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(text)) {
            if (token.isEmpty()) {
                continue;
            }
            String code = byUpper.get(token.toUpperCase(Locale.ROOT));
            if (code == null) {
                throw new Invalid("refused.paper.unknownOption", sheetNo, token);
            }
            if (!ranking.add(code)) {
                throw new Invalid("refused.paper.repeatedOption", sheetNo, code);
            }
        }
        return new Sheet(sheetNo, List.copyOf(ranking), false);
    }

    /**
     * Reads a scanning service's CSV: a header with (at least) the columns {@code sheet} and {@code ranking}, then
     * one row per sheet; other columns (e.g. the scanner's image file) are ignored. Every problem names its row (the header is row 1); any problem
     * refuses the whole file.
     */
    public static List<Sheet> scan(String csv, Set<String> optionCodes) throws Invalid {
        List<List<String>> rows;
        try {
            rows = Csv.read(new StringReader(csv == null ? "" : csv));
        } catch (IOException e) {
            throw new Invalid("refused.paper.csv", 1);
        }
        if (rows.isEmpty()) {
            throw new Invalid("refused.paper.csvEmpty");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int sheetCol = header.indexOf("sheet");
        int rankingCol = header.indexOf("ranking");
        if (sheetCol < 0 || rankingCol < 0) {
            throw new Invalid("refused.paper.csvHeader");
        }
        if (rows.size() - 1 > MAX_SHEETS) {
            throw new Invalid("refused.paper.csvTooLong", MAX_SHEETS);
        }
        List<Sheet> sheets = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int rowNo = r + 1;
            if (row.size() != header.size()) {
                throw new Invalid("refused.paper.csvColumns", rowNo, header.size());
            }
            int sheetNo;
            try {
                sheetNo = Integer.parseInt(row.get(sheetCol).strip());
            } catch (NumberFormatException e) {
                throw new Invalid("refused.paper.csv", rowNo);
            }
            if (!seen.add(sheetNo)) {
                throw new Invalid("refused.paper.csvDuplicate", rowNo, sheetNo);
            }
            // A problem inside a row names the sheet number, which is on the paper itself.
            sheets.add(sheet(sheetNo, row.get(rankingCol), optionCodes));
        }
        return sheets;
    }

    /**
     * Compares two keyings of a batch of {@code sheets} sheets: every sheet number 1..sheets that either keying
     * lacks, or on which they differ in ranking or spoilt mark, is a discrepancy (in sheet order).
     */
    public static List<Discrepancy> compare(int sheets, Map<Integer, Sheet> first, Map<Integer, Sheet> second) {
        List<Discrepancy> out = new ArrayList<>();
        for (int n = 1; n <= sheets; n++) {
            Sheet a = first.get(n);
            Sheet b = second.get(n);
            if (a == null || b == null || !a.sameAs(b)) {
                out.add(new Discrepancy(n, a, b));
            }
        }
        return out;
    }
}
