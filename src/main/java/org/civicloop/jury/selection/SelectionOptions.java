package org.civicloop.jury.selection;

import java.util.function.Consumer;

/**
 * Tuning and progress reporting for {@link Selection}. Immutable; use the {@code with...} methods.
 *
 * @param progress receives progress messages (e.g. printed to stderr by the command line); never null
 * @param initialRandomPanels extra feasible panels (random objectives, fixed internal seed) that start column
 *        generation, besides one panel per group of people
 * @param legacySamples how many seeded runs of the legacy algorithm estimate its selection probabilities
 * @param legacyAttempts how many times one legacy draw retries after running into a dead end
 * @param timeLimitSeconds 0 for none; otherwise leximin and maximin stop after about this long and return the best
 *        panel mixture found so far, with {@code complete = false} and its certified gap in
 *        {@link PanelDistribution#diagnostics()} (such a result depends on the machine's speed, so it is not
 *        reproducible; without a limit, or when the limit is not reached, the result is deterministic)
 * @param workLimit 0 for none; otherwise leximin and maximin stop after this many solves of the decomposition's
 *        master LP (a deterministic count of work, the same on every machine) and return the best panel mixture
 *        found so far, with {@code complete = false}, {@code limitedBy = "work limit"} and its certified gap in
 *        {@link PanelDistribution#diagnostics()}; the result is reproducible on any machine
 */
public record SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
        int legacyAttempts, double timeLimitSeconds, int workLimit) {

    public SelectionOptions {
        progress = progress == null ? s -> { } : progress;
        if (initialRandomPanels < 0 || legacySamples < 1 || legacyAttempts < 1 || !(timeLimitSeconds >= 0)
                || workLimit < 0) {
            throw new IllegalArgumentException("Invalid selection options");
        }
    }

    /** Without a work limit. */
    public SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
            int legacyAttempts, double timeLimitSeconds) {
        this(progress, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds, 0);
    }

    /** Without a time or work limit. */
    public SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
            int legacyAttempts) {
        this(progress, initialRandomPanels, legacySamples, legacyAttempts, 0, 0);
    }

    public static SelectionOptions defaults() {
        return new SelectionOptions(null, 100, 1000, 100, 0, 0);
    }

    public SelectionOptions withProgress(Consumer<String> p) {
        return new SelectionOptions(p, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds,
                workLimit);
    }

    public SelectionOptions withInitialRandomPanels(int n) {
        return new SelectionOptions(progress, n, legacySamples, legacyAttempts, timeLimitSeconds, workLimit);
    }

    public SelectionOptions withLegacySamples(int n) {
        return new SelectionOptions(progress, initialRandomPanels, n, legacyAttempts, timeLimitSeconds, workLimit);
    }

    public SelectionOptions withLegacyAttempts(int n) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, n, timeLimitSeconds, workLimit);
    }

    /**
     * Stop leximin or maximin after about {@code seconds} with the best mixture so far (0: no limit). The result
     * then depends on the machine's speed; prefer {@link #withWorkLimit(int)} for draws that must be re-runnable.
     */
    public SelectionOptions withTimeLimitSeconds(double seconds) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, seconds,
                workLimit);
    }

    /**
     * Stop leximin or maximin after {@code lpSolves} solves of the decomposition's master LP with the best mixture
     * so far (0: no limit). Deterministic: the same inputs and limit give the same distribution on every machine.
     */
    public SelectionOptions withWorkLimit(int lpSolves) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds,
                lpSolves);
    }
}
