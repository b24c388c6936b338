package org.civicloop.jury.selection.io;

import org.civicloop.kernel.Csv;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.civicloop.jury.selection.model.Addresses;
import org.civicloop.jury.selection.model.Feature;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/**
 * The people (respondents) file: a header row, then one row per volunteer with an id column, one column per feature
 * that has quotas, and any other columns (names, address lines, ...), which are kept unchanged and written back as
 * they were.
 *
 * <p><b>Ids.</b> With an explicit id column that column must exist. Without one, a column named {@code id} is used
 * if present; otherwise (as in the replication data) the id of each person is the 1-based number of their data
 * record: the header is not counted and blank lines are skipped, so the first person is {@code 1}.
 *
 * <p><b>Features.</b> Each feature column is found by name (exact, else ignoring case); values are trimmed and
 * matched to the quota values (exact, else ignoring case) and stored as spelled in the quotas. A value without a
 * quota is an error.
 *
 * <p><b>Households.</b> When address columns are given, people whose normalised address cells are equal
 * ({@link Addresses}) form one household, of which at most one person may be selected.
 */
public final class PeopleCsv {

    private PeopleCsv() {
    }

    public static Pool read(Path file, Quotas quotas, String idColumn, List<String> addressColumns)
            throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), quotas, idColumn, addressColumns);
        }
    }

    /**
     * @param idColumn the id column, or {@code null} for "{@code id} if present, else row numbers"
     * @param addressColumns household columns (empty: no household rule)
     */
    public static Pool read(Reader in, String name, Quotas quotas, String idColumn, List<String> addressColumns)
            throws IOException {
        List<List<String>> rows = Csv.read(in);
        if (rows.isEmpty()) {
            throw new CsvDataException(name, List.of("the file is empty"));
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                problems.add("column '" + h + "' appears twice in the header");
            }
        }
        int idIndex;
        String idName;
        if (idColumn != null) {
            idIndex = column(header, idColumn);
            if (idIndex < 0) {
                problems.add("no id column '" + idColumn + "'");
            }
            idName = idIndex < 0 ? null : header.get(idIndex);
        } else {
            idIndex = column(header, "id");
            idName = idIndex < 0 ? null : header.get(idIndex);
        }
        List<Feature> features = quotas.features();
        int[] featureIndex = new int[features.size()];
        for (int f = 0; f < features.size(); f++) {
            featureIndex[f] = column(header, features.get(f).name());
            if (featureIndex[f] < 0) {
                problems.add("no column for feature '" + features.get(f).name() + "' (columns: "
                        + String.join(",", header) + ")");
            }
        }
        int[] addressIndex = new int[addressColumns.size()];
        for (int a = 0; a < addressColumns.size(); a++) {
            addressIndex[a] = column(header, addressColumns.get(a));
            if (addressIndex[a] < 0) {
                problems.add("no address column '" + addressColumns.get(a) + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvDataException(name, problems);
        }
        List<Person> people = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = "record " + r + " (line ~" + (r + 1) + ")";
            if (row.size() > header.size()) {
                for (int i = header.size(); i < row.size(); i++) {
                    if (!row.get(i).isBlank()) {
                        problems.add(where + ": more cells than header columns");
                        break;
                    }
                }
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            String id = idIndex >= 0 ? cells.get(header.get(idIndex)).strip() : Integer.toString(r);
            if (id.isEmpty()) {
                problems.add(where + ": blank id");
                continue;
            }
            if (!ids.add(id)) {
                problems.add(where + ": duplicate id '" + id + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int f = 0; f < features.size(); f++) {
                Feature feature = features.get(f);
                String raw = cells.get(header.get(featureIndex[f])).strip();
                String v = match(feature.values(), raw);
                if (v == null) {
                    problems.add(where + " (id " + id + "): " + feature.name() + " '" + raw
                            + "' has no quota (values: " + String.join(", ", feature.values()) + ")");
                } else {
                    values.put(feature.name(), v);
                }
            }
            List<String> address = new ArrayList<>();
            for (int a : addressIndex) {
                address.add(cells.get(header.get(a)));
            }
            String key = addressIndex.length == 0 ? null : Addresses.key(address);
            if (values.size() == features.size()) {
                people.add(new Person(id, values, key, cells));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvDataException(name, problems);
        }
        List<String> addressNames = new ArrayList<>();
        for (int a : addressIndex) {
            addressNames.add(header.get(a));
        }
        return new Pool(header, people, idName, addressNames);
    }

    private static int column(List<String> header, String name) {
        String n = name.strip();
        int i = header.indexOf(n);
        if (i >= 0) {
            return i;
        }
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).equalsIgnoreCase(n)) {
                return j;
            }
        }
        return -1;
    }

    private static String match(List<String> values, String raw) {
        if (values.contains(raw)) {
            return raw;
        }
        String found = null;
        for (String v : values) {
            if (v.toLowerCase(Locale.ROOT).equals(raw.toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    return null;
                }
                found = v;
            }
        }
        return found;
    }

    /** Writes the pool's header and the given people's original cells, unchanged. */
    public static void write(Pool pool, Collection<Person> people, Writer out) {
        write(pool, people, out, Map.of());
    }

    /**
     * Writes the pool's header plus {@code extra} columns, then each person's original cells unchanged plus the
     * extra values. People built in code (no original cells) are written as id and feature columns.
     */
    public static void write(Pool pool, Collection<Person> people, Writer out,
            Map<String, Function<Person, String>> extra) {
        List<String> header = new ArrayList<>(pool.header());
        boolean synthetic = header.isEmpty();
        if (synthetic) {
            header.add("id");
            for (Person p : people) {
                for (String f : p.features().keySet()) {
                    if (!header.contains(f)) {
                        header.add(f);
                    }
                }
            }
        }
        List<String> head = new ArrayList<>(header);
        head.addAll(extra.keySet());
        Csv.writeRow(out, head);
        for (Person p : people) {
            List<String> row = new ArrayList<>();
            for (String h : header) {
                if (synthetic) {
                    row.add(h.equals("id") ? p.id() : p.features().getOrDefault(h, ""));
                } else {
                    row.add(p.columns().getOrDefault(h, ""));
                }
            }
            for (Function<Person, String> fn : extra.values()) {
                row.add(fn.apply(p));
            }
            Csv.writeRow(out, row);
        }
    }
}
