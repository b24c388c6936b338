package org.civicloop.voting.count.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.io.ElectionFiles;
import org.civicloop.voting.count.io.InputFormatException;
import org.civicloop.voting.count.text.CountJson;
import org.civicloop.voting.count.text.ExplanationText;

/**
 * {@code count --rule RULE [--seats K] FILE}: counts a pabulib, PrefLib or BLT file and prints the result as JSON.
 * Exit codes: 0 success, 1 bad input (unreadable/invalid file, rule not applicable), 2 usage error.
 */
public final class CountCommand {

    static final String USAGE = "Usage: count --rule RULE [--seats K] FILE\n"
            + "  RULE: irv, schulze, borda, condorcet, stv-meek, stv-scottish, greedy, mes, mes-add1\n"
            + "  FILE: .pb (pabulib), .soc/.soi/.toc/.toi (PrefLib) or .blt";

    private CountCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String rule = null;
        Integer seats = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rule", "--seats" -> {
                    if (i + 1 >= args.length) {
                        err.println("Missing value after " + a + ".");
                        err.println(USAGE);
                        return 2;
                    }
                    String v = args[++i];
                    if (a.equals("--rule")) {
                        rule = v;
                    } else {
                        try {
                            seats = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            err.println("--seats needs a positive integer, not '" + v + "'.");
                            return 2;
                        }
                        if (seats < 1) {
                            err.println("--seats needs a positive integer, not '" + v + "'.");
                            return 2;
                        }
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--rule=")) {
                        rule = a.substring(7);
                    } else if (a.startsWith("-") && a.length() > 1) {
                        err.println("Unknown option '" + a + "'.");
                        err.println(USAGE);
                        return 2;
                    } else if (file != null) {
                        err.println("Only one FILE may be given.");
                        err.println(USAGE);
                        return 2;
                    } else {
                        file = a;
                    }
                }
            }
        }
        if (rule == null || file == null) {
            err.println(rule == null ? "Missing --rule." : "Missing FILE.");
            err.println(USAGE);
            return 2;
        }
        if (Rules.get(rule) == null) {
            err.println("Unknown rule '" + rule + "'.");
            err.println(USAGE);
            return 2;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println("Cannot read " + file + ": no such file.");
            return 1;
        }
        ElectionFile ef;
        try {
            ef = ElectionFiles.read(path);
        } catch (InputFormatException e) {
            err.println("Bad input: " + e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        if (rule.equals("irv") && ef.profile().type() == BallotType.APPROVAL) {
            err.println("Cannot count " + file + " with irv: it has approval ballots, and instant-runoff needs"
                    + " rankings.");
            return 1;
        }
        CountResult result;
        try {
            result = Rules.count(rule, ef.election(), ef.profile(), new CountOptions(seats));
        } catch (CountException e) {
            err.println("Cannot count " + file + " with " + rule + ": " + e.getMessage());
            return 1;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", result.rule());
        json.put("file", path.getFileName().toString());
        json.put("title", ef.election().title());
        json.put("voters", ef.profile().voters());
        json.put("winners", result.winners());
        ExplanationText english = ExplanationText.english();
        json.put("rounds", CountJson.rounds(result, english));
        json.put("ties", result.ties());
        json.put("lost", english.lost(result));
        json.put("lostReasons", CountJson.lostReasons(result));
        json.put("summary", result.summary());
        out.println(CountJson.write(json));
        out.flush();
        return 0;
    }
}
