package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.jury.selection.LetterLottery.Address;
import org.civicloop.jury.selection.model.Addresses;
import org.junit.jupiter.api.Test;

class LetterLotteryTest {

    /** {@code count} addresses in {@code area}, ids {@code prefix1..}. */
    private static List<Address> street(String prefix, String area, int count) {
        List<Address> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(new Address(prefix + i, area, Addresses.key(List.of(i + " " + prefix + " Road"))));
        }
        return out;
    }

    @Test
    void theSameListNumberAndSeedDrawTheSameLettersAndAnotherSeedOthers() {
        List<Address> list = street("a", null, 200);
        LetterLottery.Letters one = LetterLottery.draw(list, 20, "seed-1");
        assertEquals(one, LetterLottery.draw(new ArrayList<>(list), 20, "seed-1"));
        assertEquals(20, new HashSet<>(one.ids()).size(), "no address twice");
        assertNotEquals(one.ids(), LetterLottery.draw(list, 20, "seed-2").ids());
    }

    @Test
    void theDrawIsThePartialFisherYatesShuffleOfTheSeededRandom() {
        List<Address> list = street("b", null, 7);
        // Worked out by hand from the definition, with the generator the docs describe.
        SeededRandom rng = new SeededRandom("hand");
        List<String> ids = new ArrayList<>(list.stream().map(Address::id).toList());
        for (int i = 0; i < 3; i++) {
            int j = i + rng.nextInt(ids.size() - i);
            String t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        assertEquals(ids.subList(0, 3), LetterLottery.draw(list, 3, "hand").ids());
    }

    @Test
    void oneAddressSpelledTwiceAndBlankAddressesAreNeverDrawnTwiceOrAtAll() {
        List<Address> list = new ArrayList<>(street("c", null, 3));
        list.add(new Address("dup", null, Addresses.key(List.of("1 C  road."))));
        list.add(new Address("blank", null, null));
        assertEquals(3, LetterLottery.distinct(list).size());
        List<String> all = LetterLottery.draw(list, 3, "x").ids();
        assertTrue(!all.contains("dup") && !all.contains("blank"), all.toString());
        assertThrows(IllegalArgumentException.class, () -> LetterLottery.draw(list, 4, "x"), "more than distinct");
        assertThrows(IllegalArgumentException.class, () -> LetterLottery.draw(list, 0, "x"));
    }

    @Test
    void lettersAreSplitAcrossAreasInProportionByLargestRemainder() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("east", 50);
        sizes.put("north", 30);
        sizes.put("west", 20);
        // 7 letters: quotas 3.5, 2.1, 1.4 -> 3, 2, 1 and the last letter to east (remainder .5).
        assertEquals(Map.of("east", 4, "north", 2, "west", 1), LetterLottery.allocate(sizes, 7));
        // 10 letters: exactly 5, 3, 2.
        assertEquals(Map.of("east", 5, "north", 3, "west", 2), LetterLottery.allocate(sizes, 10));
        // A tie of remainders goes to the larger area, then to the name first in order.
        Map<String, Integer> even = new LinkedHashMap<>();
        even.put("b", 10);
        even.put("a", 10);
        even.put("c", 20);
        assertEquals(Map.of("a", 1, "b", 0, "c", 1), LetterLottery.allocate(even, 2));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), LetterLottery.allocate(even, 3));
    }

    @Test
    void anAreaDrawTakesEachAreasShareFromItsOwnAddressesAndReruns() {
        List<Address> list = new ArrayList<>();
        list.addAll(street("e", "east", 50));
        list.addAll(street("n", "north", 30));
        list.addAll(street("w", "west", 20));
        LetterLottery.Letters letters = LetterLottery.drawByArea(list, 7, "areas");
        assertEquals(Map.of("east", 4, "north", 2, "west", 1), letters.perArea());
        assertEquals(4, letters.ids().stream().filter(i -> i.startsWith("e")).count());
        assertEquals(2, letters.ids().stream().filter(i -> i.startsWith("n")).count());
        assertEquals(1, letters.ids().stream().filter(i -> i.startsWith("w")).count());
        assertEquals(letters, LetterLottery.drawByArea(list, 7, "areas"));
        // Each area is the plain draw of its own addresses with the area's seed.
        assertEquals(LetterLottery.draw(street("n", "north", 30), 2, "areas/area/north").ids(),
                letters.ids().stream().filter(i -> i.startsWith("n")).toList());
    }
}
