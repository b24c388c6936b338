package org.civicloop.jury;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.civicloop.kernel.Csv;

/** One CSV record stored as text (an imported row, a header, a list of column names): written and read back exactly. */
final class CsvLine {

    private CsvLine() {
    }

    static String of(List<String> cells) {
        StringWriter w = new StringWriter();
        Csv.writeRow(w, cells);
        String s = w.toString();
        return s.substring(0, s.length() - 1);
    }

    static List<String> cells(String line) {
        if (line == null || line.isEmpty()) {
            return List.of();
        }
        try {
            List<List<String>> rows = Csv.read(new StringReader(line));
            return rows.isEmpty() ? List.of() : rows.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
