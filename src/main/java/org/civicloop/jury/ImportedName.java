package org.civicloop.jury;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How officers recognise an imported volunteer: the name in the person's own row of the uploaded file (a "name" column,
 * or given and family name columns under their usual headings), beside the file's id. Officers only; the public pool
 * never carries names.
 */
public final class ImportedName {

    private static final Set<String> WHOLE = Set.of("name", "full name", "fullname", "full_name", "nombre completo");
    private static final List<Set<String>> PARTS = List.of(
            Set.of("first name", "first_name", "firstname", "given name", "given_name", "forename", "nombre"),
            Set.of("last name", "last_name", "lastname", "family name", "family_name", "surname", "apellidos",
                    "apellido"));

    private ImportedName() {
    }

    /** "Ava Adams (L100)", or the id alone when the file has no name columns (or they are empty), or null. */
    public static String label(String header, String row, String externalId) {
        String name = header == null || row == null ? "" : name(CsvLine.cells(header), CsvLine.cells(row));
        if (name.isEmpty()) {
            return externalId;
        }
        return externalId == null ? name : name + " (" + externalId + ")";
    }

    static String name(List<String> header, List<String> cells) {
        List<String> keys = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < keys.size() && i < cells.size(); i++) {
            if (WHOLE.contains(keys.get(i)) && !cells.get(i).isBlank()) {
                return cells.get(i).strip();
            }
        }
        List<String> parts = new ArrayList<>();
        for (Set<String> part : PARTS) {
            for (int i = 0; i < keys.size() && i < cells.size(); i++) {
                if (part.contains(keys.get(i)) && !cells.get(i).isBlank()) {
                    parts.add(cells.get(i).strip());
                    break;
                }
            }
        }
        return String.join(" ", parts);
    }
}
