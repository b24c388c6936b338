package org.civicloop.jury.selection.io;

import org.civicloop.kernel.Csv;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

/**
 * The quotas file. Two headers are accepted (column order free, names case-insensitive, other columns ignored):
 * <ul>
 * <li>{@code feature,value,min,max} — the Sortition Foundation's open tools;</li>
 * <li>{@code category,feature,min,max} — the Flanigan et al. replication data, where {@code category} is the
 * feature name and {@code feature} its value.</li>
 * </ul>
 * Written back in the first form.
 */
public final class QuotasCsv {

    private QuotasCsv() {
    }

    public static Quotas read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static Quotas read(Reader in, String name) throws IOException {
        List<List<String>> rows = Csv.read(in);
        if (rows.isEmpty()) {
            throw new CsvDataException(name, List.of("the file is empty"));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int f;
        int v;
        if (header.contains("value") && header.contains("feature")) {
            f = header.indexOf("feature");
            v = header.indexOf("value");
        } else if (header.contains("category") && header.contains("feature")) {
            f = header.indexOf("category");
            v = header.indexOf("feature");
        } else {
            throw new CsvDataException(name, List.of("expected a header 'feature,value,min,max' or "
                    + "'category,feature,min,max', got '" + String.join(",", rows.get(0)) + "'"));
        }
        int min = header.indexOf("min");
        int max = header.indexOf("max");
        if (min < 0 || max < 0) {
            throw new CsvDataException(name, List.of("the header needs 'min' and 'max' columns"));
        }
        List<String> problems = new ArrayList<>();
        List<Quota> quotas = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            try {
                quotas.add(Quota.of(cell(row, f), cell(row, v), number(cell(row, min)), number(cell(row, max))));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvDataException(name, problems);
        }
        try {
            return Quotas.of(quotas);
        } catch (IllegalArgumentException e) {
            throw new CsvDataException(name, List.of(e.getMessage()));
        }
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i).strip() : "";
    }

    private static int number(String s) {
        try {
            double d = Double.parseDouble(s);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number");
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    /** Writes {@code feature,value,min,max}. */
    public static void write(Quotas quotas, Writer out) {
        Csv.writeRow(out, List.of("feature", "value", "min", "max"));
        for (Quota q : quotas.quotas()) {
            Csv.writeRow(out, List.of(q.value().feature(), q.value().value(), Integer.toString(q.min()),
                    Integer.toString(q.max())));
        }
    }
}
