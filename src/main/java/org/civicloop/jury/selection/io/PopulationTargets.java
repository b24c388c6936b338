package org.civicloop.jury.selection.io;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.jury.selection.model.Quotas;
import org.civicloop.kernel.Csv;

/**
 * Quotas derived from population targets (e.g. census shares), read from a CSV and computed by
 * {@link Quotas#fromShares}: for a panel of {@code k} people, a value with share {@code s}% is expected
 * {@code s·k/100} times; its quota is that figure rounded down and up, widened by a tolerance of {@code t} people on
 * each side and kept within 0..k. Rounding down and up keeps every feature's quotas
 * satisfiable on their own (the sum of minimums is at most k, the sum of maximums at least k).
 *
 * <p>Input: a CSV with the header {@code feature,value,share} (share in percent, decimals allowed); each feature's
 * shares must add up to 100 (within 0.5, for rounding in published tables). Output: a quotas CSV
 * ({@code feature,value,min,max}) that {@link QuotasCsv} reads.
 */
public final class PopulationTargets {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SLACK = new BigDecimal("0.5");

    private PopulationTargets() {
    }

    public static Quotas derive(Reader targets, int panel, int tolerance) throws IOException {
        List<String> problems = new ArrayList<>();
        if (panel < 1) {
            problems.add("the panel needs at least one person");
        }
        if (tolerance < 0 || tolerance > panel) {
            problems.add("the tolerance must be between 0 and the panel size");
        }
        List<List<String>> rows = Csv.read(targets);
        if (rows.isEmpty()) {
            throw new CsvDataException("targets", List.of("the file is empty"));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int f = header.indexOf("feature");
        int v = header.indexOf("value");
        int s = header.indexOf("share");
        if (f < 0 || v < 0 || s < 0) {
            throw new CsvDataException("targets", List.of("the header must name the columns feature, value and share"));
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<String[]> read = new ArrayList<>();
        List<BigDecimal> shares = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                problems.add("row " + (r + 1) + " does not have " + header.size() + " columns");
                continue;
            }
            String feature = row.get(f).strip();
            String value = row.get(v).strip();
            BigDecimal share;
            try {
                share = new BigDecimal(row.get(s).strip().replace("%", ""));
            } catch (NumberFormatException e) {
                problems.add("row " + (r + 1) + ": the share is not a number");
                continue;
            }
            if (feature.isEmpty() || value.isEmpty() || share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
                problems.add("row " + (r + 1) + ": a feature, a value and a share from 0 to 100 are needed");
                continue;
            }
            totals.merge(feature, share, BigDecimal::add);
            read.add(new String[]{feature, value});
            shares.add(share);
        }
        totals.forEach((feature, total) -> {
            if (total.subtract(HUNDRED).abs().compareTo(SLACK) > 0) {
                problems.add("the shares of " + feature + " add up to " + total.stripTrailingZeros().toPlainString()
                        + ", not 100");
            }
        });
        if (!problems.isEmpty()) {
            throw new CsvDataException("targets", problems);
        }
        // Quotas.fromShares does the arithmetic; a tolerance of t people is t/k of the panel.
        Map<String, Map<String, BigDecimal>> byFeature = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            byFeature.computeIfAbsent(read.get(i)[0], x -> new LinkedHashMap<>())
                    .put(read.get(i)[1], shares.get(i).divide(HUNDRED));
        }
        return Quotas.fromShares(byFeature, panel, (double) tolerance / panel);
    }

    /** The derived quotas as a quotas CSV (feature,value,min,max). */
    public static String quotasCsv(Quotas quotas) {
        java.io.StringWriter out = new java.io.StringWriter();
        QuotasCsv.write(quotas, out);
        return out.toString();
    }
}
