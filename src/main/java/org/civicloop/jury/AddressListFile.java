package org.civicloop.jury;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A letter round's address list as uploaded (plain Java): the header and one {@link LetterAddress} a line, each with its
 * household key and area, checked as a whole before anything is stored; the first problem names its line.
 */
final class AddressListFile {

    static final int MAX_LINES = 200_000;

    private AddressListFile() {
    }

    record Parsed(List<String> header, List<LetterAddress> lines) {
    }

    /** Checks the whole list; the first problem is thrown with its line (the header is line 1). */
    static Parsed parse(long cycleId, List<List<String>> rows, String idColumn, List<String> addressColumns,
                        String areaColumn) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        if (new HashSet<>(header).size() != header.size()) {
            throw new IllegalArgumentException("line 1: a column name appears twice");
        }
        int idAt = column(header, idColumn);
        List<Integer> addressAt = addressColumns.stream().map(a -> column(header, a)).toList();
        int areaAt = areaColumn == null ? -1 : column(header, areaColumn);
        if (rows.size() - 1 > MAX_LINES) {
            throw new IllegalArgumentException("more than " + MAX_LINES + " addresses");
        }
        List<LetterAddress> lines = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("line ~" + line + " has " + row.size() + " cells; the header has "
                        + header.size());
            }
            String ext = row.get(idAt).strip();
            if (ext.isEmpty()) {
                throw new IllegalArgumentException("line ~" + line + ": the id (" + idColumn + ") is blank");
            }
            if (ext.length() > 200) {
                throw new IllegalArgumentException("line ~" + line + ": the id is longer than 200 characters");
            }
            Integer seen = ids.putIfAbsent(ext, line);
            if (seen != null) {
                throw new IllegalArgumentException("line ~" + line + ": the id " + ext + " is on line ~" + seen
                        + " too");
            }
            List<String> cells = addressAt.stream().map(row::get).toList();
            String key = JuryService.householdKey(cells);
            if (key == null) {
                throw new IllegalArgumentException("line ~" + line + ": the address is blank");
            }
            String area = null;
            if (areaAt >= 0) {
                area = row.get(areaAt).strip();
                if (area.isEmpty() || area.length() > 200) {
                    throw new IllegalArgumentException("line ~" + line + ": the area (" + areaColumn
                            + ") is blank or longer than 200 characters");
                }
            }
            String source = CsvLine.of(row);
            if (source.length() > 20_000 || key.length() > 2000) {
                throw new IllegalArgumentException("line ~" + line + " is too long");
            }
            lines.add(new LetterAddress(cycleId, line, ext, source, area, key));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no addresses in the file");
        }
        return new Parsed(header, lines);
    }

    private static int column(List<String> header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("line 1: there is no column " + name + " (the columns are "
                    + String.join(", ", header) + ")");
        }
        return at;
    }
}
