package org.civicloop.voting.count.io;

/** A bad or inconsistent input file; the message names the line (1-based; 0 when it concerns the whole file). */
public class InputFormatException extends RuntimeException {

    private final String source;
    private final int line;

    public InputFormatException(String source, int line, String message) {
        super((source == null ? "" : source + ": ") + (line > 0 ? "line " + line + ": " : "") + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
