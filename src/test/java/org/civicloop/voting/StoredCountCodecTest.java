package org.civicloop.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.civicloop.cycle.CountingRule;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.text.CountJson;
import org.civicloop.voting.count.text.ExplanationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stored count rebuilds the engine's result exactly, for every rule the application offers: the same winners,
 * rounds, ties, reasons and summary, so a page reading the stored count writes what the count wrote (in both
 * languages), exact fractions included.
 */
class StoredCountCodecTest {

    private static final List<BudgetOption> OPTIONS = List.of(
            new BudgetOption(1L, "BENCH", "Benches", null, 20_000, Instant.EPOCH),
            new BudgetOption(1L, "LIB", "Library hours", null, 60_000, Instant.EPOCH),
            new BudgetOption(1L, "PARK", "Park lights", null, 45_000, Instant.EPOCH),
            new BudgetOption(1L, "PLAY", "Playground", null, 30_000, Instant.EPOCH),
            new BudgetOption(1L, "TREE", "Street trees", null, 25_000, Instant.EPOCH));

    private static CountResult count(CountingRule rule, long seed) {
        Random random = new Random(seed);
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            List<String> codes = new ArrayList<>(OPTIONS.stream().map(BudgetOption::getCode).toList());
            Collections.shuffle(codes, random);
            ballots.add(new Ballot(1L, Ballot.Channel.JURY, "R-" + (1000 + i), codes.subList(0, 1 + random.nextInt(5)),
                    LocalDate.of(2026, 5, 1)));
        }
        BallotCounting.BallotBox box = BallotCounting.ballotBox(
                BallotCounting.election(rule, "Test", OPTIONS, 100_000), OPTIONS, ballots);
        return BallotCounting.count(rule, box.election(), box.profile(), ballots.size());
    }

    private static ExplanationText text(Locale locale) {
        Map<String, String> names = new HashMap<>();
        OPTIONS.forEach(o -> names.put(o.getCode(), o.getTitle()));
        return new ExplanationText(locale, names, "EUR");
    }

    @ParameterizedTest
    @EnumSource(CountingRule.class)
    void theStoredFormRebuildsTheCountExactly(CountingRule rule) {
        for (long seed = 1; seed <= 3; seed++) {
            CountResult counted = count(rule, seed * 31 + rule.ordinal());
            assertFalse(counted.rounds().isEmpty(), rule + " explains its count");
            String stored = StoredCountCodec.write(counted);
            CountResult rebuilt = StoredCountCodec.read(stored);
            assertEquals(counted.winners(), rebuilt.winners());
            assertEquals(counted.rounds(), rebuilt.rounds(), "every round, its explanation and data, typed alike");
            assertEquals(counted.ties(), rebuilt.ties());
            assertEquals(counted.lost(), rebuilt.lost());
            assertEquals(counted.summary(), rebuilt.summary());
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                assertEquals(CountJson.write(counted, text(locale)), CountJson.write(rebuilt, text(locale)),
                        "the published JSON is the same in " + locale);
            }
            assertEquals(stored, StoredCountCodec.write(rebuilt), "writing the rebuilt count gives the same text");
        }
    }

    @Test
    void exactFractionsAndLongsKeepTheirValueAndType() {
        CountResult r = new CountResult("test", List.of("A"), List.of(), List.of(), Map.of(),
                Map.of("third", Fraction.of(1, 3), "big", 12_345_678_901L, "small", 7, "none", List.of()));
        CountResult back = StoredCountCodec.read(StoredCountCodec.write(r));
        assertEquals(Fraction.of(1, 3), back.summary().get("third"));
        assertEquals(12_345_678_901L, back.summary().get("big"));
        assertEquals(7, back.summary().get("small"));
        assertNotEquals(StoredCountCodec.write(r), StoredCountCodec.write(new CountResult("test", List.of("A"),
                List.of(), List.of(), Map.of(), Map.of("third", Fraction.of(1, 4)))), "a different result differs");
    }

    @Test
    void aValueThatCannotBeStoredIsRefusedRatherThanLost() {
        CountResult r = new CountResult("test", List.of(), List.of(), List.of(), Map.of(),
                Map.of("when", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> StoredCountCodec.write(r));
    }
}
