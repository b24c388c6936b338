package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicloop.jury.selection.model.Feature;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Ids;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Replacement of a panel member who declined. Candidates are the people not on the panel, not the declined person,
 * not listed as unavailable, and not in a household with a remaining member. Among them the draw prefers, in order:
 * (1) those with whom the panel meets every quota (else the smallest total quota violation), (2) the most feature
 * values in common with the declined person. The replacement is drawn uniformly from the best candidates (sorted by
 * id) with {@link SeededRandom} of the seed, so it is reproducible.
 */
public final class Replacement {

    private Replacement() {
    }

    /**
     * @param person the replacement
     * @param matchingFeatures how many feature values the replacement shares with the declined person
     * @param quotasSatisfied whether the new panel meets every quota
     * @param candidates how many equally good candidates the replacement was drawn from
     */
    public record Result(Person person, int matchingFeatures, boolean quotasSatisfied, int candidates) {
    }

    /**
     * @param panelIds the current panel (with or without the declined person)
     * @param declinedId the member who declined
     * @param unavailableIds people who may not be drawn (e.g. earlier decliners)
     * @return the replacement, or empty if nobody is left to draw
     */
    public static Optional<Result> draw(Pool pool, Quotas quotas, Collection<String> panelIds, String declinedId,
            Collection<String> unavailableIds, String seed) {
        Person declined = pool.get(declinedId);
        Set<String> panel = new HashSet<>(panelIds);
        panel.remove(declinedId);
        List<Person> remaining = new ArrayList<>();
        Set<String> households = new HashSet<>();
        for (String id : panel) {
            Person p = pool.get(id);
            remaining.add(p);
            if (p.addressKey() != null) {
                households.add(p.addressKey());
            }
        }
        Set<String> excluded = new HashSet<>(unavailableIds);
        excluded.add(declinedId);
        excluded.addAll(panel);
        Map<FeatureValue, Integer> counts = quotas.counts(remaining);
        List<Person> best = new ArrayList<>();
        int bestViolation = Integer.MAX_VALUE;
        int bestMatch = -1;
        List<Person> people = new ArrayList<>(pool.people());
        people.sort(Comparator.comparing(Person::id, Ids.ORDER));
        for (Person c : people) {
            if (excluded.contains(c.id()) || c.addressKey() != null && households.contains(c.addressKey())) {
                continue;
            }
            int violation = 0;
            for (Quota q : quotas.quotas()) {
                int n = counts.get(q.value()) + (c.has(q.value()) ? 1 : 0);
                violation += Math.max(0, q.min() - n) + Math.max(0, n - q.max());
            }
            int match = 0;
            for (Feature f : quotas.features()) {
                String v = c.value(f.name());
                if (v != null && v.equals(declined.value(f.name()))) {
                    match++;
                }
            }
            if (violation < bestViolation || violation == bestViolation && match > bestMatch) {
                best.clear();
                bestViolation = violation;
                bestMatch = match;
            }
            if (violation == bestViolation && match == bestMatch) {
                best.add(c);
            }
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Person chosen = best.get(new SeededRandom(seed).nextInt(best.size()));
        return Optional.of(new Result(chosen, bestMatch, bestViolation == 0, best.size()));
    }
}
