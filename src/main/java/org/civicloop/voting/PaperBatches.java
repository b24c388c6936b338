package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Paper ballot batches as officers follow them: each batch with where its two keyings stand, their differences still
 * open, and the sheets of one keying. Reads only; the use cases are {@link PaperBallotService}'s.
 */
@ApplicationScoped
public class PaperBatches {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /** A batch with where its keying stands. */
    public record BatchView(PaperBatch batch, int keyedFirst, int keyedSecond, String firstKeyer,
                            String secondKeyer, List<PaperSheets.Discrepancy> open, int resolved) {

        public boolean readyToAccept() {
            return !batch.isAccepted() && open.isEmpty() && (batch.getMethod() == PaperBatch.Method.SCAN
                    || keyedFirst > 0 && keyedSecond > 0);
        }

        /** Both keyings have begun, so their differences (including sheets one of them lacks) are listed. */
        public boolean compared() {
            return batch.getMethod() == PaperBatch.Method.DOUBLE_ENTRY && keyedFirst > 0 && keyedSecond > 0;
        }
    }

    public List<BatchView> batches(long cycleId) {
        return em.createQuery("SELECT b FROM PaperBatch b WHERE b.cycleId = :c ORDER BY b.collectedOn, b.id",
                        PaperBatch.class)
                .setParameter("c", cycleId).getResultList().stream().map(this::view).toList();
    }

    /** The cycle a batch belongs to (a plain read that loads no entity). */
    public Optional<Long> cycleOf(long batchId) {
        return em.createQuery("SELECT b.cycleId FROM PaperBatch b WHERE b.id = :id", Long.class)
                .setParameter("id", batchId).getResultStream().findFirst();
    }

    public Optional<BatchView> batch(long batchId) {
        return Optional.ofNullable(em.find(PaperBatch.class, batchId)).map(this::view);
    }

    /** The sheets of one keying (1 or 2) of a batch, by sheet number; for officers settling discrepancies. */
    public Map<Integer, PaperSheets.Sheet> sheets(long batchId, int keying) {
        return entries(batchId, keying).stream().collect(Collectors.toMap(PaperEntry::getSheetNo, PaperEntry::sheet));
    }

    BatchView view(PaperBatch batch) {
        long id = batch.getId();
        Map<Integer, PaperSheets.Sheet> first = sheets(id, 1);
        Map<Integer, PaperSheets.Sheet> second = sheets(id, 2);
        Map<Integer, String> keyers = keyers(id);
        List<PaperSheets.Discrepancy> open = List.of();
        int resolvedCount = 0;
        if (batch.getMethod() == PaperBatch.Method.DOUBLE_ENTRY && !first.isEmpty() && !second.isEmpty()) {
            Set<Integer> resolved = sheets(id, PaperEntry.RESOLVED).keySet();
            List<PaperSheets.Discrepancy> all = PaperSheets.compare(batch.getSheets(), first, second);
            open = all.stream().filter(d -> !resolved.contains(d.sheetNo())).toList();
            resolvedCount = all.size() - open.size();
        }
        return new BatchView(batch, first.size(), second.size(), keyers.get(1), keyers.get(2), open, resolvedCount);
    }

    private List<PaperEntry> entries(long batchId, int keying) {
        return em.createQuery("SELECT e FROM PaperEntry e WHERE e.batchId = :b AND e.keying = :k ORDER BY e.sheetNo",
                PaperEntry.class).setParameter("b", batchId).setParameter("k", keying).getResultList();
    }

    PaperEntry entry(long batchId, int keying, int sheetNo) {
        return em.createQuery("SELECT e FROM PaperEntry e WHERE e.batchId = :b AND e.keying = :k AND e.sheetNo = :n",
                        PaperEntry.class).setParameter("b", batchId).setParameter("k", keying)
                .setParameter("n", sheetNo).getResultStream().findFirst().orElse(null);
    }

    Map<Integer, String> keyers(long batchId) {
        Map<Integer, String> keyers = new HashMap<>();
        em.createQuery("SELECT DISTINCT e.keying, e.keyedBy FROM PaperEntry e WHERE e.batchId = :b AND e.keying > 0",
                        Object[].class).setParameter("b", batchId).getResultList()
                .forEach(row -> keyers.put((Integer) row[0], (String) row[1]));
        return keyers;
    }}
