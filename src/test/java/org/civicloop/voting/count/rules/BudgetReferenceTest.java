package org.civicloop.voting.count.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.TestFiles;
import org.civicloop.voting.count.io.ElectionFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Greedy and equal shares against pabutools' results (reference.jsonl) and official city outcomes. */
class BudgetReferenceTest {

    private static List<String> array(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + line);
        }
        List<String> out = new ArrayList<>();
        Matcher s = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
        while (s.find()) {
            out.add(s.group(1));
        }
        return out;
    }

    private static String string(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(line);
        assertTrue(m.find());
        return m.group(1);
    }

    @TestFactory
    Stream<DynamicTest> pabutoolsReference() throws IOException {
        Path data = TestFiles.shared();
        List<String> lines = Files.readAllLines(data.resolve("pabulib/reference.jsonl"));
        assertEquals(24, lines.size());
        return lines.stream().map(line -> DynamicTest.dynamicTest(string(line, "file"), () -> {
            ElectionFile f = TestFiles.read(data.resolve("pabulib").resolve(string(line, "file")));
            for (String rule : List.of("greedy", "mes")) {
                CountResult r = Rules.count(rule, f.election(), f.profile(), CountOptions.DEFAULT);
                assertEquals(new TreeSet<>(array(line, rule)), new TreeSet<>(r.winners()), rule);
                Fraction total = Fraction.ZERO;
                for (String id : r.winners()) {
                    total = total.add(f.election().option(f.election().indexOf(id)).cost());
                }
                assertTrue(total.compareTo(f.election().budget()) <= 0, rule + " overspends");
                assertEquals(f.election().size() - r.winners().size(), r.lost().size(), rule);
            }
        }));
    }

    private static void official(String file, String rule, String... expected) {
        Path data = TestFiles.shared();
        ElectionFile f = TestFiles.read(data.resolve("pabulib-official").resolve(file));
        CountResult r = Rules.count(rule, f.election(), f.profile(), CountOptions.DEFAULT);
        assertEquals(new TreeSet<>(List.of(expected)), new TreeSet<>(r.winners()), file);
        String selected = f.election().meta().get("selected");
        if (selected != null) {
            assertEquals(new TreeSet<>(List.of(selected.split(","))), new TreeSet<>(r.winners()),
                    file + ": the file's selected column");
        }
    }

    @Test
    void wieliczkaEqualSharesAdd1() {
        official("Poland_Wieliczka_2023_Green_Budget.pb", "mes-add1", "6", "7", "9", "17", "19", "20", "24", "25",
                "26", "29", "32", "33", "34", "36", "39", "40", "41", "42", "43", "46", "56", "58", "60", "61", "62",
                "69", "70", "71", "74", "88");
        ElectionFile f = TestFiles.read(TestFiles.shared().resolve(
                "pabulib-official/Poland_Wieliczka_2023_Green_Budget.pb"));
        CountResult r = Rules.count("mes-add1", f.election(), f.profile(), null);
        assertEquals(Fraction.of(995079), r.summary().get("totalCost"));
        assertTrue(((Fraction) r.summary().get("nextStepTotalCost")).compareTo(Fraction.of(1_000_000)) > 0);
    }

    @Test
    void swiecieEqualSharesAdd1() {
        official("Poland_Swiecie_2023.pb", "mes-add1", "c1", "c2", "c3", "c4", "c5", "c7", "c9", "c10", "c11", "c12",
                "c13", "c14", "c17", "c18", "c19", "c20", "c21");
    }

    @Test
    void assenEqualSharesAdd1() {
        ElectionFile f = TestFiles.read(TestFiles.resource("Netherlands_Assen_2024.pb"));
        CountResult r = Rules.count("mes-add1", f.election(), f.profile(), null);
        assertEquals(Set.of("2", "3", "5", "6", "9", "11", "12", "13", "14"), new TreeSet<>(r.winners()));
        // plain MES (no add1) spends less
        CountResult plain = Rules.count("mes", f.election(), f.profile(), null);
        assertTrue(((Fraction) plain.summary().get("totalCost")).compareTo((Fraction) r.summary().get("totalCost"))
                <= 0);
    }

    @Test
    void mokotowGreedy() {
        official("Poland_Warszawa_2023_Mokotow.pb", "greedy", "217", "222", "283", "305", "447", "567", "569", "608",
                "667", "687", "776", "888", "925", "926", "1000", "1047", "1064", "1382", "1429", "1610", "1614",
                "1711", "1794", "1922");
    }

    @Test
    void krakowOrdinalGreedy() {
        official("Poland_Krakow_2022.pb", "greedy", "1", "2", "9", "11", "13", "19", "25", "46", "60", "61", "65",
                "82", "134");
    }
}
