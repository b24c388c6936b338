package org.civicloop.jury.selection.io;

import java.util.List;

/** An input file does not have the expected shape; the message lists the problems found (up to 20). */
public class CsvDataException extends RuntimeException {

    private final List<String> problems;

    public CsvDataException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
