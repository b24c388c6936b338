package org.civicloop.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a Liberty server's logs say went wrong: FFDC incidents and messages of severity E (error). */
final class StartLog {

    /** A messages.log line: [date, time zone] thread logger severity message; E is an error. */
    private static final Pattern ERROR = Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+\\s+E .*");

    private StartLog() {
    }

    /** Every FFDC incident file and every error line of the server whose logs folder this is. */
    static List<String> failures(Path logs) throws Exception {
        List<String> found = new ArrayList<>();
        Path ffdc = logs.resolve("ffdc");
        if (Files.isDirectory(ffdc)) {
            try (var files = Files.list(ffdc)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("ffdc_")).sorted()
                        .forEach(n -> found.add("FFDC incident " + n));
            }
        }
        Path messages = logs.resolve("messages.log");
        if (!Files.exists(messages)) {
            throw new IllegalStateException("no messages.log in " + logs);
        }
        for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
            if (ERROR.matcher(line).matches() || line.contains("FFDC1015I")) {
                found.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        }
        return found;
    }
}
