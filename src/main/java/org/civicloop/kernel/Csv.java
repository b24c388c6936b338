package org.civicloop.kernel;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside is doubled), quoted
 * fields may hold commas and line breaks; CRLF, LF or CR end a record; a leading UTF-8 byte order mark is dropped;
 * blank lines are skipped. Cells are returned exactly as written (no trimming).
 */
public final class Csv {

    private Csv() {
    }

    public static List<List<String>> read(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean first = true;
        boolean rowHasContent = false;
        int c;
        int pending = -2;
        while (true) {
            if (pending != -2) {
                c = pending;
                pending = -2;
            } else {
                c = in.read();
            }
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (c == -1) {
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        pending = next;
                    }
                } else {
                    cell.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() == 0 && !afterQuote) {
                        quoted = true;
                        rowHasContent = true;
                    } else {
                        cell.append('"');
                    }
                }
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                    rowHasContent = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r') {
                        int next = in.read();
                        if (next != '\n') {
                            pending = next;
                        }
                    }
                    endRow(rows, row, cell, rowHasContent);
                    row = new ArrayList<>();
                    afterQuote = false;
                    rowHasContent = false;
                }
                default -> {
                    cell.append((char) c);
                    rowHasContent = true;
                }
            }
        }
        if (quoted) {
            throw new IOException("CSV ends inside a quoted field");
        }
        endRow(rows, row, cell, rowHasContent);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell, boolean content) {
        row.add(cell.toString());
        cell.setLength(0);
        if (content && !(row.size() == 1 && row.get(0).isBlank())) {
            rows.add(row);
        }
    }

    /**
     * Writes one record exactly (quoting only the cells that need it), ending with LF: for text that is read back
     * (stored rows, files for the command-line tools). Files people download use {@link #exportRow}.
     */
    public static void writeRow(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(cells.get(i)));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One record of a CSV file that people download (every export of the application goes through here), ending
     * with LF: each cell as {@link #exportCell}.
     */
    public static String exportRow(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(exportCell(cells.get(i)));
        }
        return b.append('\n').toString();
    }

    /**
     * A cell of an exported file, safe to open in a spreadsheet (OWASP "CSV injection"): text starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} so that no
     * spreadsheet runs it as a formula; then quoted when needed. A cell that is a plain number ({@code -12.5},
     * {@code +3}, {@code -1e3}; or any {@link Number}) is left as it is: it cannot be a formula, and spreadsheets
     * keep reading it as the number. Null is an empty cell.
     */
    public static String exportCell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
        return quote(s);
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /** Quoted when the cell holds a comma, quote or line break; exactly as given otherwise (files read back). */
    public static String quote(String cell) {
        String s = cell == null ? "" : cell;
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
