package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index that searches read: one row per distinct word of a proposal (table {@code proposal_word}), written in the
 * transaction that makes the proposal and removed in the one that hides it. A word is stored as the hexadecimal
 * digits of its UTF-8 bytes ({@link #key}), which every database orders byte by byte whatever its collation, so the
 * words starting with a term are one range of the index: {@code key(term) <= word_key < key(term) || 'g'}.
 */
@ApplicationScoped
public class ProposalWords {

    /** Code points of a word kept in the index; longer words and terms are cut there (and checked in full apart). */
    static final int WORD_MAX = 30;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /** The index key of a word (or of a term: the start of the keys of the words it starts), cut at WORD_MAX. */
    static String key(String word) {
        String cut = word.codePointCount(0, word.length()) <= WORD_MAX ? word
                : word.substring(0, word.offsetByCodePoints(0, WORD_MAX));
        return HexFormat.of().formatHex(cut.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a term is longer than the index keeps (its match must then be checked against the stored words). */
    static boolean longerThanKept(String term) {
        return term.codePointCount(0, term.length()) > WORD_MAX;
    }

    /** The distinct index keys of stored words (" parque infantil "), in their order. */
    static List<String> keys(String words) {
        Set<String> keys = new LinkedHashSet<>();
        if (words != null) {
            for (String w : words.strip().split(" ")) {
                if (!w.isEmpty()) {
                    keys.add(key(w));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** Writes the word rows of a proposal (its stored words) in one statement, in the caller's transaction. */
    void index(long cycleId, long proposalId, String words) {
        List<String> keys = keys(words);
        if (keys.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO proposal_word (cycle_id, word_key, proposal_id) VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 3).append(", ?2)");
        }
        jakarta.persistence.Query insert = em.createNativeQuery(sql.toString()).setParameter(1, cycleId)
                .setParameter(2, proposalId);
        for (int i = 0; i < keys.size(); i++) {
            insert.setParameter(i + 3, keys.get(i));
        }
        insert.executeUpdate();
    }

    /** Removes a proposal's word rows (it is hidden, or its words are written again), in the caller's transaction. */
    void remove(long proposalId) {
        em.createNativeQuery("DELETE FROM proposal_word WHERE proposal_id = ?").setParameter(1, proposalId)
                .executeUpdate();
    }

    /**
     * The SQL condition that a proposal_stats row {@code s} of the cycle (parameter {@code ?cycleParam}) matches a
     * term, its parameters added to {@code params} after the ones already there: one index range of the cycle's
     * words, and for a term longer than the index keeps, the stored words as well.
     */
    static String condition(String term, int cycleParam, List<Object> params) {
        String lo = key(term);
        params.add(lo);
        int loParam = params.size();
        params.add(lo + "g");
        int hiParam = params.size();
        String inIndex = "s.id IN (SELECT w.proposal_id FROM proposal_word w WHERE w.cycle_id = ?" + cycleParam
                + " AND w.word_key >= ?" + loParam + " AND w.word_key < ?" + hiParam + ")";
        if (!longerThanKept(term)) {
            return inIndex;
        }
        params.add(ProposalSearch.likePattern(term));
        return inIndex + " AND s.words LIKE ?" + params.size();
    }

}
