package org.civicloop.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposalSearchTest {

    @Test
    void accentsCaseAndPunctuationAreIgnored() {
        assertEquals(" jardin de la rivera senderos ", ProposalSearch.normalise("¡Jardín de la RIVERA! (senderos)"));
        assertEquals(" pinguino cafe canon ", ProposalSearch.normalise("Pingüino, café — cañón"));
        assertEquals(" strasse aerial oeuvre 2027 ", ProposalSearch.normalise("Straße  Ærial œuvre 2027"));
        assertEquals(" ", ProposalSearch.normalise(null));
        assertEquals(" ", ProposalSearch.normalise(" ,;- "));
    }

    @Test
    void aTermMatchesTheStartOfAWordInAnyOrder() {
        String words = ProposalSearch.words("Bancos en el paseo del río", "Benches along the river path, six of them.");
        assertTrue(ProposalSearch.matches(words, ProposalSearch.terms("RIO bancos").orElseThrow()));
        assertTrue(ProposalSearch.matches(words, ProposalSearch.terms("río").orElseThrow()));
        assertTrue(ProposalSearch.matches(words, ProposalSearch.terms("bench").orElseThrow()), "a prefix: benches");
        assertFalse(ProposalSearch.matches(words, ProposalSearch.terms("Paseo, rivers?").orElseThrow()),
                "rivers is not the start of river");
        assertFalse(ProposalSearch.matches(words, ProposalSearch.terms("ench").orElseThrow()), "not mid-word");
        assertFalse(ProposalSearch.matches(words, ProposalSearch.terms("bancos lido").orElseThrow()), "all terms");
        assertEquals("% rio%", ProposalSearch.likePattern(ProposalSearch.terms("Río").orElseThrow().get(0)));
    }

    @Test
    void queriesAreLimitedAndRepeatedTermsCountOnce() {
        assertEquals(List.of(), ProposalSearch.terms("  ").orElseThrow());
        assertEquals(List.of(), ProposalSearch.terms("¿?").orElseThrow());
        assertEquals(List.of("parque", "arboles"), ProposalSearch.terms("Parque árboles PARQUE").orElseThrow());
        assertEquals(8, ProposalSearch.terms("a b c d e f g h").orElseThrow().size());
        assertEquals(Optional.empty(), ProposalSearch.terms("a b c d e f g h i"));
        assertEquals(Optional.empty(), ProposalSearch.terms("x".repeat(201)));
        assertTrue(ProposalSearch.terms("x".repeat(200)).isPresent());
    }

    @Test
    void longTextsAreCutOnAWordBoundary() {
        String words = ProposalSearch.words("t", "word ".repeat(2000));
        assertTrue(words.length() <= 5000, String.valueOf(words.length()));
        assertTrue(words.startsWith(" t word ") && words.endsWith(" word "), words.substring(words.length() - 10));
    }

    @Test
    void theWordsIndexFindsExactlyTheWordsATermStarts() {
        List<String> words = List.of("rio", "rios", "ribera", "ri", "r", "riz", "rj", "q", "ríos", "κηπος", "9", "rio9");
        for (String term : List.of("rio", "ri", "r", "κη", "z")) {
            String lo = ProposalWords.key(term);
            String hi = lo + "g";
            for (String w : words) {
                String key = ProposalWords.key(ProposalSearch.normalise(w).strip());
                assertTrue(key.matches("[0-9a-f]+"), key);
                boolean inRange = key.compareTo(lo) >= 0 && key.compareTo(hi) < 0;
                assertEquals(ProposalSearch.normalise(w).strip().startsWith(term), inRange, term + " / " + w);
            }
        }
        assertEquals(List.of(ProposalWords.key("parque"), ProposalWords.key("del")),
                ProposalWords.keys(" parque del parque "), "each word once");
        String longWord = "a".repeat(40);
        assertEquals(ProposalWords.key("a".repeat(30)), ProposalWords.key(longWord), "cut at 30 letters");
        assertTrue(ProposalWords.longerThanKept(longWord));
        assertFalse(ProposalWords.longerThanKept("a".repeat(30)));
    }
}
