package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civicloop.jury.selection.model.Addresses;

/**
 * Stage one of a two-stage lottery over an address list: which addresses receive an invitation letter, reproducible
 * from (list, n, seed). An address is its id in the list, its household key (the normalised address cells, see
 * {@link Addresses#key}) and optionally its area. Lines with the same key count
 * once (the first is kept); lines with no key are never drawn.
 * <ul>
 * <li>{@link #draw}: a partial Fisher-Yates shuffle of the distinct addresses in list order, from the seed, exactly as
 * {@link AddressLottery}.</li>
 * <li>{@link #drawByArea}: the letters are split across areas in proportion to their distinct addresses by the
 * largest-remainder method (each area gets {@code floor(n * size / total)}; the letters left go one each to the
 * largest remainders, ties to the larger area, then to the area whose name sorts first); then each area, in name
 * order, is drawn as {@link #draw} with the seed {@code seed + "/area/" + area}.</li>
 * </ul>
 * Plain Java: the app, the tools and tests use it alike.
 */
public final class LetterLottery {

    private LetterLottery() {
    }

    /** One line of the address list. */
    public record Address(String id, String area, String key) {
    }

    /** The drawn ids in draw order, and how many letters each area got (one entry "" when not split). */
    public record Letters(List<String> ids, Map<String, Integer> perArea) {
    }

    /** The distinct addresses: blank keys dropped, later lines with a key seen before dropped. */
    public static List<Address> distinct(List<Address> list) {
        List<Address> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Address a : list) {
            if (a.key() != null && !a.key().isBlank() && keys.add(a.key())) {
                out.add(a);
            }
        }
        return out;
    }

    public static Letters draw(List<Address> list, int n, String seed) {
        List<Address> distinct = distinct(list);
        check(n, distinct.size());
        List<String> ids = AddressLottery.firstOfShuffle(distinct, n, seed).stream().map(Address::id).toList();
        return new Letters(ids, Map.of("", n));
    }

    public static Letters drawByArea(List<Address> list, int n, String seed) {
        List<Address> distinct = distinct(list);
        check(n, distinct.size());
        Map<String, List<Address>> byArea = new TreeMap<>();
        for (Address a : distinct) {
            byArea.computeIfAbsent(a.area() == null ? "" : a.area(), k -> new ArrayList<>()).add(a);
        }
        Map<String, Integer> allocation = allocate(sizes(byArea), n);
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, List<Address>> area : byArea.entrySet()) {
            AddressLottery.firstOfShuffle(area.getValue(), allocation.get(area.getKey()),
                    seed + "/area/" + area.getKey()).forEach(a -> ids.add(a.id()));
        }
        return new Letters(List.copyOf(ids), allocation);
    }

    private static Map<String, Integer> sizes(Map<String, List<Address>> byArea) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        byArea.forEach((k, v) -> sizes.put(k, v.size()));
        return sizes;
    }

    /**
     * Largest-remainder (Hamilton) apportionment of {@code n} letters over areas of the given sizes, in the areas'
     * order: never more letters than an area has addresses.
     */
    public static Map<String, Integer> allocate(Map<String, Integer> sizes, int n) {
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        check(n, total);
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> byRemainder = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            int whole = (int) ((long) n * e.getValue() / total);
            out.put(e.getKey(), whole);
            given += whole;
            byRemainder.add(e.getKey());
        }
        // Compare remainders n*size mod total exactly (integers), larger first; then the larger area; then the name.
        byRemainder.sort(Comparator.<String>comparingLong(k -> (long) n * sizes.get(k) % total).reversed()
                .thenComparing(Comparator.<String>comparingInt(sizes::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < n; i++, given++) {
            String k = byRemainder.get(i);
            out.put(k, out.get(k) + 1);
        }
        return out;
    }

    private static void check(int n, long distinct) {
        if (n < 1 || n > distinct) {
            throw new IllegalArgumentException("Cannot send " + n + " letters to " + distinct + " distinct addresses");
        }
    }
}
