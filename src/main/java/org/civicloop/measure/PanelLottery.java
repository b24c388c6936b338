package org.civicloop.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

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
        SplittableRandom random = new SplittableRandom(seedOf(seed));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return List.copyOf(order.subList(0, Math.min(size, order.size())));
    }

    static long seedOf(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
