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
 */
public record SelectionOptions(Consumer<String> progress, int initialRandomPanels, int legacySamples,
        int legacyAttempts) {

    public SelectionOptions {
        progress = progress == null ? s -> { } : progress;
        if (initialRandomPanels < 0 || legacySamples < 1 || legacyAttempts < 1) {
            throw new IllegalArgumentException("Invalid selection options");
        }
    }

    public static SelectionOptions defaults() {
        return new SelectionOptions(null, 100, 1000, 100);
    }

    public SelectionOptions withProgress(Consumer<String> p) {
        return new SelectionOptions(p, initialRandomPanels, legacySamples, legacyAttempts);
    }

    public SelectionOptions withInitialRandomPanels(int n) {
        return new SelectionOptions(progress, n, legacySamples, legacyAttempts);
    }

    public SelectionOptions withLegacySamples(int n) {
        return new SelectionOptions(progress, initialRandomPanels, n, legacyAttempts);
    }

    public SelectionOptions withLegacyAttempts(int n) {
        return new SelectionOptions(progress, initialRandomPanels, legacySamples, n);
    }
}
