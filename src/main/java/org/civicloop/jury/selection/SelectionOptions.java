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
 * @param tolerance leximin and maximin stop, deterministically, as soon as the panel mixture gives every group of
 *        people at least {@code 1 - tolerance} of its share in the leximin of the linear relaxation (an upper bound
 *        on what any distribution can give, in the leximin order); 0 asks for the exact leximin. The default is
 *        {@link #DEFAULT_TOLERANCE}. It applies only to pools with more than {@link #EXACT_UP_TO_GROUPS} groups
 *        of interchangeable people; smaller pools always get the exact leximin, which is cheap for them
 */
public record SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
        int legacyAttempts, double timeLimitSeconds, int workLimit, double tolerance) {

    /**
     * 2 %: on the realistic benchmark pool the minimum probability is then certified within 0.00026 of the best
     * possible, half the absolute tolerance (0.0005) of the published leximin implementation (docs/sortition.md).
     */
    public static final double DEFAULT_TOLERANCE = 0.02;

    /**
     * Pools with at most this many groups of interchangeable people get the exact leximin whatever the tolerance:
     * their exact mixture needs few panels and a small master LP (the same bound as the restricted pricing ILP).
     */
    public static final int EXACT_UP_TO_GROUPS = 250;

    public SelectionOptions {
        progress = progress == null ? s -> { } : progress;
        if (initialRandomPanels < 0 || legacySamples < 1 || legacyAttempts < 1 || !(timeLimitSeconds >= 0)
                || workLimit < 0 || !(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("Invalid selection options");
        }
    }

    /** With the default tolerance. */
    public SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
            int legacyAttempts, double timeLimitSeconds, int workLimit) {
        this(progress, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds, workLimit,
                DEFAULT_TOLERANCE);
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
        return new SelectionOptions(null, 100, 1000, 100, 0, 0, DEFAULT_TOLERANCE);
    }

    public SelectionOptions withProgress(Consumer<String> p) {
        return new SelectionOptions(p, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds,
                workLimit, tolerance);
    }

    public SelectionOptions withInitialRandomPanels(int n) {
        return new SelectionOptions(progress, n, legacySamples, legacyAttempts, timeLimitSeconds, workLimit,
                tolerance);
    }

    public SelectionOptions withLegacySamples(int n) {
        return new SelectionOptions(progress, initialRandomPanels, n, legacyAttempts, timeLimitSeconds, workLimit,
                tolerance);
    }

    public SelectionOptions withLegacyAttempts(int n) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, n, timeLimitSeconds, workLimit,
                tolerance);
    }

    /**
     * Stop leximin or maximin after about {@code seconds} with the best mixture so far (0: no limit). The result
     * then depends on the machine's speed; prefer {@link #withWorkLimit(int)} for draws that must be re-runnable.
     */
    public SelectionOptions withTimeLimitSeconds(double seconds) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, seconds,
                workLimit, tolerance);
    }

    /**
     * Stop leximin or maximin after {@code lpSolves} solves of the decomposition's master LP with the best mixture
     * so far (0: no limit). Deterministic: the same inputs and limit give the same distribution on every machine.
     */
    public SelectionOptions withWorkLimit(int lpSolves) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds,
                lpSolves, tolerance);
    }

    /**
     * Stop leximin or maximin once every group has at least {@code 1 - tolerance} of its leximin share (0: exact).
     * Deterministic, like the work limit.
     */
    public SelectionOptions withTolerance(double tolerance) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, legacyAttempts, timeLimitSeconds,
                workLimit, tolerance);
    }
}
