package org.civicloop.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import org.civicloop.kernel.Seeds;

/**
 * The review panel's lottery: a uniform draw without replacement from the pool, reproducible from the published
 * seed. The pool is sorted by account id and shuffled (Fisher-Yates) with a generator seeded from SHA-256 of the seed;
 * the first {@code size} are the panel. Anyone with the pool and the seed gets the same panel.
 */
public final class PanelLottery {

    private PanelLottery() {
    }

    public static List<Long> draw(Collection<Long> pool, int size, String seed) {
        List<Long> order = new ArrayList<>(pool.stream().distinct().sorted().toList());
        SplittableRandom random = new SplittableRandom(Seeds.of(seed));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return List.copyOf(order.subList(0, Math.min(size, order.size())));
    }
}
