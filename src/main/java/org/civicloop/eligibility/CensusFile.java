package org.civicloop.eligibility;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicloop.kernel.Csv;

/**
 * A census file as an officer uploads it: CSV with the header {@code document,birth_date,postcode,district} and one
 * person a line: the number of their identity document (as printed: spaces, dots and hyphens are ignored, letters in
 * any case), their date of birth (YYYY-MM-DD), their postcode (spaces ignored) and their district (one of the
 * electorate's). The same three identifiers are what a resident types to verify. Only {@link #identity} of a line is
 * ever kept, as a keyed hash. Plain Java.
 */
public final class CensusFile {

    public static final String HEADER = "document,birth_date,postcode,district";
    public static final int MAX_LINES = 500_000;

    /** One person of the census: the normalised identity (never stored in clear) and the district. */
    public record Person(int line, String identity, String district) {
    }

    /** The file's people, or the first bad line: a message key with the line number (and what was wrong). */
    public record Parsed(List<Person> people, String errorKey, int errorLine) {
        public boolean ok() {
            return errorKey == null;
        }
    }

    private CensusFile() {
    }

    public static Parsed parse(String text, List<String> districts) {
        if (text == null || text.isBlank()) {
            return bad("refused.census.empty", 0);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length > MAX_LINES + 1) {
            return bad("refused.census.tooLong", MAX_LINES);
        }
        String header = lines[0].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!header.equals(HEADER)) {
            return bad("refused.census.header", 1);
        }
        List<Person> people = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells;
            try {
                List<List<String>> rows = Csv.read(new StringReader(lines[i]));
                cells = rows.isEmpty() ? List.of() : rows.get(0);
            } catch (IOException | RuntimeException e) {
                return bad("refused.census.columns", lineNo);
            }
            if (cells.size() != 4) {
                return bad("refused.census.columns", lineNo);
            }
            String document = document(cells.get(0));
            if (document == null) {
                return bad("refused.census.document", lineNo);
            }
            LocalDate born = birthDate(cells.get(1));
            if (born == null) {
                return bad("refused.census.birthDate", lineNo);
            }
            String postcode = postcode(cells.get(2));
            if (postcode == null) {
                return bad("refused.census.postcode", lineNo);
            }
            String district = cells.get(3).strip();
            if (!districts.contains(district)) {
                return bad("refused.census.district", lineNo);
            }
            String identity = identity(document, born, postcode);
            if (!seen.add(identity)) {
                return bad("refused.census.duplicate", lineNo);
            }
            people.add(new Person(lineNo, identity, district));
        }
        if (people.isEmpty()) {
            return bad("refused.census.empty", 0);
        }
        return new Parsed(List.copyOf(people), null, 0);
    }

    private static Parsed bad(String key, int line) {
        return new Parsed(List.of(), key, line);
    }

    /** What is hashed: the three identifiers normalised, joined by a bar. */
    public static String identity(String document, LocalDate born, String postcode) {
        return document + "|" + born + "|" + postcode;
    }

    /** A document number as typed: letters and digits only (4 to 20), upper case; null when it cannot be one. */
    public static String document(String typed) {
        if (typed == null || typed.length() > 60) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '.' || c == '/') {
                continue;
            }
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return null;
            }
            b.append(c);
        }
        return b.length() >= 4 && b.length() <= 20 ? b.toString() : null;
    }

    /** A date of birth as YYYY-MM-DD, after 1900-01-01 and not in the future; null otherwise. */
    public static LocalDate birthDate(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(typed.strip());
            return d.isAfter(LocalDate.of(1900, 1, 1)) && !d.isAfter(LocalDate.now().plusDays(1)) ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A postcode without spaces, upper case, letters and digits (2 to 10); null otherwise. */
    public static String postcode(String typed) {
        if (typed == null || typed.length() > 30) {
            return null;
        }
        String p = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return p.matches("[A-Z0-9]{2,10}") ? p : null;
    }

    /** Whether someone born on {@code born} is at least {@code minAge} years old on {@code day}. */
    public static boolean ofAge(LocalDate born, int minAge, LocalDate day) {
        return Period.between(born, day).getYears() >= minAge;
    }
}
