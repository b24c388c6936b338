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
 */
public record SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
        int legacyAttempts, double timeLimitSeconds) {

    public SelectionOptions {
        progress = progress == null ? s -> { } : progress;
        if (initialRandomPanels < 0 || legacySamples < 1 || legacyAttempts < 1 || !(timeLimitSeconds >= 0)) {
            throw new IllegalArgumentException("Invalid selection options");
        }
    }

    /** Without a time limit. */
    public SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
            int legacyAttempts) {
        this(progress, initialRandomPanels, legacySamples, legacyAttempts, 0);
    }

    public static SelectionOptions defaults() {
        return new SelectionOptions(null, 100, 1000, 100, 0);
    }

    public SelectionOptions withProgress(Consumer<String> p) {
        return new SelectionOptions(p, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds);
    }

    public SelectionOptions withInitialRandomPanels(int n) {
        return new SelectionOptions(progress, n, legacySamples, legacyAttempts, timeLimitSeconds);
    }

    public SelectionOptions withLegacySamples(int n) {
        return new SelectionOptions(progress, initialRandomPanels, n, legacyAttempts, timeLimitSeconds);
    }

    public SelectionOptions withLegacyAttempts(int n) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, n, timeLimitSeconds);
    }

    /** Stop leximin or maximin after about {@code seconds} with the best mixture so far (0: no limit). */
    public SelectionOptions withTimeLimitSeconds(double seconds) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, seconds);
    }
}
