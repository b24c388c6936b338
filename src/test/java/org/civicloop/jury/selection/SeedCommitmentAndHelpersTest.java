package org.civicloop.jury.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;

class SeedCommitmentAndHelpersTest {

    @Test
    void commitmentIsSha256OfTheSeed() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SeedCommitment.commitment("abc"));
        assertTrue(SeedCommitment.verify("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    }

    @Test
    void seededRandomIsReproducibleAndUniform() {
        SeededRandom a = new SeededRandom("s");
        SeededRandom b = new SeededRandom("s");
        int[] counts = new int[7];
        for (int i = 0; i < 7000; i++) {
            int x = a.nextInt(7);
            assertEquals(x, b.nextInt(7));
            counts[x]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 1000) < 150, "counts " + java.util.Arrays.toString(counts));
        }
        assertNotEquals(new SeededRandom("s").nextLong(), new SeededRandom("t").nextLong());
        double d = new SeededRandom("x").nextDouble();
        assertTrue(d >= 0 && d < 1);
    }

    @Test
    void addressLotteryDrawsDistinctAddressesReproducibly() {
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            addresses.add(i + " High Street");
        }
        addresses.add("1 high street.");
        List<String> drawn = AddressLottery.draw(addresses, 30, "letters-2026");
        assertEquals(30, drawn.size());
        assertEquals(30, new HashSet<>(drawn).size());
        assertEquals(drawn, AddressLottery.draw(addresses, 30, "letters-2026"));
        assertNotEquals(drawn, AddressLottery.draw(addresses, 30, "letters-2027"));
        assertEquals(100, AddressLottery.draw(addresses, 100, "all").size());
        assertThrows(IllegalArgumentException.class, () -> AddressLottery.draw(addresses, 101, "too many"));
    }

    @Test
    void replacementKeepsQuotasAndPrefersTheSameValues() {
        Pool pool = SyntheticPool.pool(60, 0.3, "replacement-pool");
        Quotas quotas = SyntheticPool.quotas(8);
        PanelDistribution d = Selection.leximin(pool, quotas, 8, SelectionOptions.defaults());
        Panel panel = d.draw("panel");
        for (int i = 0; i < panel.size(); i++) {
            Person declined = panel.members().get(i);
            Replacement.Result r = Replacement.draw(pool, quotas, panel.ids(), declined.id(), Set.of(), "r" + i)
                    .orElseThrow();
            List<Person> next = new ArrayList<>(panel.members());
            next.set(i, r.person());
            // with tight quotas a perfect replacement may not exist; the flag must tell the truth
            assertEquals(r.quotasSatisfied(), quotas.violations(next).isEmpty());
            if (pool.people().stream().anyMatch(c -> !panel.contains(c.id()) && c.features().equals(declined.features())
                    && new Panel(replace(panel.members(), declined, c)).respectsHouseholds())) {
                assertTrue(r.quotasSatisfied(), "a same-values candidate exists");
                assertEquals(quotas.features().size(), r.matchingFeatures());
            }
            assertTrue(new Panel(next).respectsHouseholds());
            assertTrue(!panel.contains(r.person().id()));
            assertEquals(r, Replacement.draw(pool, quotas, panel.ids(), declined.id(), Set.of(), "r" + i)
                    .orElseThrow(), "deterministic");
        }
        // with every feature free to match, the replacement of a lone type comes from the same values if possible
        Pool small = TestData.pool(List.of("g"), "1 a", "2 a", "3 b", "4 b", "5 a");
        Quotas q = Quotas.of(Quota.of("g", "a", 1, 1), Quota.of("g", "b", 1, 1));
        Replacement.Result r = Replacement.draw(small, q, List.of("1", "3"), "1", Set.of("2"), "seed").orElseThrow();
        assertEquals("5", r.person().id());
        assertEquals(1, r.matchingFeatures());
    }

    private static List<Person> replace(List<Person> members, Person out, Person in) {
        List<Person> l = new ArrayList<>(members);
        l.set(l.indexOf(out), in);
        return l;
    }

    @Test
    void legacyMeetsQuotasAndIsLessFairThanLeximin() throws Exception {
        TestData.Instance ex = TestData.example("example_small_20");
        PanelDistribution legacy = Selection.legacy(ex.pool(), ex.quotas(), 20,
                SelectionOptions.defaults().withLegacySamples(400));
        assertEquals(20.0, legacy.marginals().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(legacy.minimumProbability() < 0.05, "legacy min " + legacy.minimumProbability());
        for (int i = 0; i < 20; i++) {
            Panel p = Selection.legacyDraw(ex.pool(), ex.quotas(), 20, SelectionOptions.defaults(), "l" + i);
            assertTrue(ex.quotas().satisfiedBy(p.members()));
        }
        PanelDistribution maximin = Selection.maximin(ex.pool(), ex.quotas(), 20, SelectionOptions.defaults());
        assertEquals(0.10, maximin.minimumProbability(), 1e-6);
    }
}
