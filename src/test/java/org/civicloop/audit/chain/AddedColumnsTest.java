package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every column a migration adds to an existing table is known to the verifier, with the value rows got. */
class AddedColumnsTest {

    private static final Pattern ADD = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) ([^;]*);",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT = Pattern.compile("DEFAULT ('[^']*'|\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyAddedColumnOfTheMigrationsIsListed() throws Exception {
        List<AddedColumns.AddedColumn> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                String version = f.getFileName().toString().split("__")[0];
                Matcher m = ADD.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher d = DEFAULT.matcher(m.group(3));
                    String value = d.find() ? d.group(1) : null;
                    found.add(new AddedColumns.AddedColumn(version, m.group(1).toLowerCase(), m.group(2).toLowerCase(),
                            value == null || value.startsWith("'") ? value : value.toUpperCase()));
                }
            }
        }
        assertFalse(found.isEmpty());
        java.util.Comparator<AddedColumns.AddedColumn> order = java.util.Comparator
                .comparing(AddedColumns.AddedColumn::table).thenComparing(AddedColumns.AddedColumn::column);
        assertEquals(found.stream().sorted(order).toList(), AddedColumns.ALL.stream().sorted(order).toList());
    }
}
