package org.civicloop.jury.selection.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicloop.jury.selection.SeedCommitment;
import org.civicloop.jury.selection.InfeasibleQuotasException;
import org.civicloop.jury.selection.Method;
import org.civicloop.jury.selection.PanelDistribution;
import org.civicloop.jury.selection.ProbabilityStats;
import org.civicloop.jury.selection.Selection;
import org.civicloop.jury.selection.SelectionOptions;
import org.civicloop.kernel.Csv;
import org.civicloop.jury.selection.io.CsvDataException;
import org.civicloop.jury.selection.io.PeopleCsv;
import org.civicloop.jury.selection.io.QuotasCsv;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/**
 * {@code select}: draws a citizens' jury. Prints the selected ids, one per line, on stdout; everything else goes to
 * stderr. Exit codes: 0 success, 1 unreadable or invalid input, 2 usage error, 3 infeasible quotas (the reason and
 * the smallest relaxation are printed), 4 the legacy algorithm gave up.
 */
public final class SelectCommand {

    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE_ERROR = 2;
    public static final int INFEASIBLE = 3;
    public static final int FAILED = 4;

    static final String USAGE = """
            Usage: select --categories C.csv --respondents R.csv --panel K --seed S
                          [--method leximin|maximin|legacy] [--id-column id] [--address-columns A,B]
                          [--probabilities FILE] [--work-limit N] [--tolerance T]
              --categories       quotas, header feature,value,min,max (or category,feature,min,max)
              --respondents      people: an id column (else ids are 1-based row numbers), one column per feature
              --panel            panel size K
              --seed             lottery seed (publish its SHA-256 commitment before the draw)
              --method           leximin (default, maximally fair), maximin, or legacy (greedy, for comparison)
              --id-column        id column name (default: 'id' if present, else row numbers)
              --address-columns  columns forming the household key; at most one person per household
              --probabilities    write id,probability for every respondent (they sum to K)
              --work-limit       leximin/maximin: stop after N master LP solves with the best panel mixture found
                                 (reproducible on any machine; stderr then gives the certified gap). Default: none
              --tolerance        leximin/maximin: stop once every group has at least (1 - T) of its leximin share
                                 (deterministic; 0 asks for the exact leximin). Default: 0.02, as the app's draw""";

    private static final Set<String> KNOWN = Set.of("categories", "respondents", "panel", "seed", "method",
            "id-column", "address-columns", "probabilities", "work-limit", "tolerance");

    private SelectCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                err.println(USAGE);
                return OK;
            }
            if (!a.startsWith("--")) {
                return usage(err, "unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usage(err, "missing value for --" + name);
            }
            if (!KNOWN.contains(name)) {
                return usage(err, "unknown option --" + name);
            }
            if (opts.put(name, value) != null) {
                return usage(err, "--" + name + " given twice");
            }
        }
        for (String required : List.of("categories", "respondents", "panel", "seed")) {
            if (!opts.containsKey(required)) {
                return usage(err, "--" + required + " is required");
            }
        }
        int k = positive(opts, "panel");
        if (k < 1) {
            return usage(err, "--panel must be a whole number, at least 1");
        }
        Method method;
        try {
            method = Method.parse(opts.getOrDefault("method", "leximin"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        int workLimit = 0;
        if (opts.containsKey("work-limit")) {
            workLimit = positive(opts, "work-limit");
            if (workLimit < 1) {
                return usage(err, "--work-limit must be a whole number, at least 1");
            }
            if (method == Method.LEGACY) {
                return usage(err, "--work-limit applies to leximin and maximin only");
            }
        }
        double tolerance = SelectionOptions.DEFAULT_TOLERANCE;
        if (opts.containsKey("tolerance")) {
            try {
                tolerance = Double.parseDouble(opts.get("tolerance"));
            } catch (NumberFormatException e) {
                tolerance = Double.NaN;
            }
            if (!(tolerance >= 0 && tolerance < 1)) {
                return usage(err, "--tolerance must be a number from 0 (exact) up to, not including, 1");
            }
            if (method == Method.LEGACY) {
                return usage(err, "--tolerance applies to leximin and maximin only");
            }
        }
        String seed = opts.get("seed");
        List<String> addressColumns = opts.containsKey("address-columns")
                ? Arrays.stream(opts.get("address-columns").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()
                : List.of();

        Quotas quotas;
        Pool pool;
        try {
            quotas = QuotasCsv.read(Path.of(opts.get("categories")));
            pool = PeopleCsv.read(Path.of(opts.get("respondents")), quotas, opts.get("id-column"), addressColumns);
        } catch (IOException e) {
            err.println("select: cannot read input: " + e.getMessage());
            return BAD_INPUT;
        } catch (CsvDataException | IllegalArgumentException e) {
            err.println("select: invalid input: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("select: " + pool.size() + " respondents, " + quotas.features().size() + " features, "
                + quotas.quotas().size() + " quotas, panel " + k + ", method " + method.label()
                + (addressColumns.isEmpty() ? "" : ", one per household (" + String.join(",", addressColumns) + ")")
                + (pool.idColumn().isPresent() ? ", ids from column '" + pool.idColumn().get() + "'"
                        : ", ids are 1-based row numbers"));
        err.println("select: seed commitment SHA-256 " + SeedCommitment.commitment(seed));
        SelectionOptions options = SelectionOptions.defaults().withProgress(m -> err.println("select: " + m))
                .withWorkLimit(workLimit).withTolerance(tolerance);
        long start = System.nanoTime();
        try {
            Panel panel;
            PanelDistribution distribution = null;
            if (method == Method.LEGACY) {
                panel = Selection.legacyDraw(pool, quotas, k, options, seed);
                if (opts.containsKey("probabilities")) {
                    err.println("select: estimating legacy probabilities from " + options.legacySamples()
                            + " seeded runs");
                    distribution = Selection.legacy(pool, quotas, k, options);
                }
            } else {
                distribution = Selection.distribution(method, pool, quotas, k, options);
                panel = distribution.draw(seed);
            }
            err.printf("select: done in %.2f s%n", (System.nanoTime() - start) / 1e9);
            if (distribution != null) {
                ProbabilityStats s = distribution.stats();
                err.printf("select: selection probability min %.6f, mean %.6f, max %.6f, gini %.4f; %d panel "
                        + "compositions%n", s.minimum(), s.mean(), s.maximum(), s.gini(),
                        distribution.compositionCount());
                Map<String, Object> d = distribution.diagnostics();
                if (Boolean.FALSE.equals(d.get("complete"))) {
                    err.printf(java.util.Locale.ROOT, "select: NOT the exact %s: the %s (%s) cut the computation short;"
                            + " every group has at least %.6f of its leximin share; minimum probability %.7f, no"
                            + " distribution can exceed %.7f (certified gap %.7f)%n", method.label(),
                            d.get("limitedBy"), "work limit".equals(d.get("limitedBy"))
                                    ? "--work-limit " + d.get("workLimit") : d.get("timeLimitSeconds") + " s",
                            (double) d.get("lambda"), s.minimum(), (double) d.get("upperBoundMinimum"),
                            (double) d.get("certifiedGap"));
                } else if (Boolean.FALSE.equals(d.get("exact"))) {
                    err.printf(java.util.Locale.ROOT, "select: %s within the tolerance (--tolerance %s): every group"
                            + " has at least %.6f of its leximin share; minimum probability %.7f, no distribution can"
                            + " exceed %.7f (certified gap %.7f)%n", method.label(), d.get("tolerance"),
                            (double) d.get("lambda"), s.minimum(), (double) d.get("upperBoundMinimum"),
                            (double) d.get("certifiedGap"));
                }
            }
            List<String> problems = quotas.violations(panel.members());
            if (!problems.isEmpty() || !panel.respectsHouseholds() || panel.size() != k) {
                err.println("select: internal error: drawn panel breaks the rules " + problems);
                return FAILED;
            }
            if (opts.containsKey("probabilities")) {
                writeProbabilities(Path.of(opts.get("probabilities")), pool, distribution);
                err.println("select: wrote probabilities to " + opts.get("probabilities"));
            }
            for (String id : panel.ids()) {
                out.println(id);
            }
            out.flush();
            return OK;
        } catch (InfeasibleQuotasException e) {
            err.println("select: infeasible quotas");
            err.print(e.infeasibility().message());
            return INFEASIBLE;
        } catch (IllegalStateException e) {
            err.println("select: " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("select: invalid input: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("select: cannot write probabilities: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void writeProbabilities(Path file, Pool pool, PanelDistribution d) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.writeRow(w, List.of("id", "probability"));
            for (Person p : pool.people()) {
                Csv.writeRow(w, new ArrayList<>(List.of(p.id(), format(d.probability(p.id())))));
            }
        }
    }

    static String format(double p) {
        BigDecimal b = BigDecimal.valueOf(p).setScale(12, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    /** The option's value as a whole number, or 0 if it is not one. */
    private static int positive(Map<String, String> opts, String name) {
        try {
            return Math.max(0, Integer.parseInt(opts.get(name).strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("select: " + problem);
        err.println(USAGE);
        return USAGE_ERROR;
    }
}
