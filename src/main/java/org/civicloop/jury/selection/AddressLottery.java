package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civicloop.jury.selection.model.Addresses;

/**
 * First stage of a two-stage lottery: which addresses receive an invitation. Addresses that are equal after
 * normalisation ({@link Addresses#normalise}) count once (the first spelling is kept); blank ones are ignored. The
 * draw is a partial Fisher-Yates shuffle of the list in the given order: for {@code i = 0..n-1}, swap position
 * {@code i} with {@code i + nextInt(size - i)} of {@link SeededRandom} of the seed. The result is in draw order.
 */
public final class AddressLottery {

    private AddressLottery() {
    }

    public static List<String> draw(List<String> addresses, int n, String seed) {
        List<String> distinct = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String a : addresses) {
            String key = Addresses.normalise(a);
            if (!key.isEmpty() && keys.add(key)) {
                distinct.add(a);
            }
        }
        if (n < 0 || n > distinct.size()) {
            throw new IllegalArgumentException("Cannot draw " + n + " of " + distinct.size() + " distinct addresses");
        }
        return firstOfShuffle(distinct, n, seed);
    }

    /**
     * The first {@code n} of {@code items} after a partial Fisher-Yates shuffle from the seed: for
     * {@code i = 0..n-1}, swap position {@code i} with {@code i + nextInt(size - i)} of {@link SeededRandom}.
     */
    static <T> List<T> firstOfShuffle(List<T> items, int n, String seed) {
        List<T> order = new ArrayList<>(items);
        SeededRandom rng = new SeededRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(order.size() - i);
            T tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        return List.copyOf(order.subList(0, n));
    }
}
