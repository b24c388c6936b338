package org.civicloop.proposal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts supports, carrying a merged proposal's supports over to the proposal it was merged into without counting
 * anyone twice: a proposal's count is the number of distinct accounts actively supporting it or any proposal merged
 * into it. A merged proposal keeps showing its own supporters (they are counted where it went, once).
 */
public final class SupportTally {

    /** An active support: the proposal supported, the proposal it was merged into (null if none), the account. */
    public record Support(long proposalId, Long mergedInto, String account) {
    }

    private SupportTally() {
    }

    public static Map<Long, Integer> count(List<Support> supports) {
        Map<Long, Set<String>> who = new HashMap<>();
        for (Support s : supports) {
            who.computeIfAbsent(s.proposalId(), k -> new HashSet<>()).add(s.account());
            if (s.mergedInto() != null) {
                who.computeIfAbsent(s.mergedInto(), k -> new HashSet<>()).add(s.account());
            }
        }
        Map<Long, Integer> out = new HashMap<>();
        who.forEach((id, accounts) -> out.put(id, accounts.size()));
        return out;
    }
}
