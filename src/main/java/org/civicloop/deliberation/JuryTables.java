package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * Small-group rounds: seating the jury at tables (categories mixed, earlier tablemates avoided, through the plain-Java
 * {@link TableAllocator}) and recording each table's output. Every change is audited.
 */
@ApplicationScoped
public class JuryTables {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    SessionService sessions;
    @Inject
    Juries jury;
    @Inject
    Event<SessionChanged> changed;

    /**
     * Seats the jury at {@code tables} tables for a small-group round, mixing categories evenly and avoiding the
     * tablemates people had in the session's earlier small-group rounds. Re-seating is allowed until a table's
     * output is recorded.
     */
    @Transactional
    public Result<List<TableSeat>> allocateTables(Actor actor, long roundId, int tables) {
        Result<SessionService.Locked> locked = SessionService.lock(em, cycleViews, actor, roundId, true);
        if (locked instanceof Result.Refused<SessionService.Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        SessionRound round = locked.value().round();
        long cycleId = locked.value().session().getCycleId();
        if (round.getKind() != SessionRound.Kind.SMALL_GROUP) {
            return Result.refused("refused.tables.kind");
        }
        if (!sessions.outputs(roundId).isEmpty()) {
            return Result.refused("refused.tables.already");
        }
        List<Juries.Member> jurors = jury.jurors(cycleId);
        if (tables < 1 || tables > jurors.size()) {
            return Result.refused("refused.tables.count", jurors.size());
        }
        Map<Long, Map<String, String>> answers = jury.answers(cycleId);
        List<TableAllocator.Juror> seated = jurors.stream()
                .map(v -> new TableAllocator.Juror(v.volunteerId(), answers.getOrDefault(v.volunteerId(), Map.of()))).toList();
        List<List<Long>> history = new ArrayList<>();
        for (SessionRound other : sessions.rounds(round.getSessionId())) {
            if (!other.getId().equals(roundId)) {
                history.addAll(sessions.tablesOf(other.getId()).values());
            }
        }
        TableAllocator.Seating seating = TableAllocator.allocate(seated, tables, history, roundId);
        em.createQuery("DELETE FROM TableSeat t WHERE t.roundId = :r").setParameter("r", roundId).executeUpdate();
        List<TableSeat> seats = new ArrayList<>();
        for (int t = 0; t < seating.tables().size(); t++) {
            for (Long volunteerId : seating.tables().get(t)) {
                TableSeat seat = new TableSeat(roundId, t + 1, volunteerId);
                em.persist(seat);
                seats.add(seat);
            }
        }
        em.flush();
        audit.note(actor, "deliberation.tablesAllocated", "session_round", Long.toString(roundId),
                "tables=" + tables + " mixCost=" + seating.mixCost() + " repeatedPairs=" + seating.repeatedPairs());
        // Jurors' phones ask again for their own view, which now names their table.
        changed.fire(new SessionChanged(round.getSessionId()));
        return Result.done(seats);
    }

    @Transactional
    public Result<TableOutput> recordTableOutput(Actor actor, long roundId, int tableNo, String keyPoints,
                                                 String agreements, String disagreements) {
        Result<SessionService.Locked> locked = SessionService.lock(em, cycleViews, actor, roundId, true);
        if (locked instanceof Result.Refused<SessionService.Locked> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        if (!sessions.tablesOf(roundId).containsKey(tableNo)) {
            return Result.refused("refused.tables.unknownTable", tableNo);
        }
        if (SessionService.blank(keyPoints, 4000) || (agreements != null && agreements.length() > 4000)
                || (disagreements != null && disagreements.length() > 4000)) {
            return Result.refused("refused.tables.output");
        }
        TableOutput out = sessions.outputs(roundId).stream().filter(o -> o.getTableNo() == tableNo).findFirst().orElse(null);
        String before = null;
        if (out == null) {
            out = new TableOutput(roundId, tableNo);
        } else {
            before = audit.digestOf("table_output", out.getId());
        }
        out.record(keyPoints.strip(), SessionService.emptyToNull(agreements), SessionService.emptyToNull(disagreements), clock.instant(),
                actor.username());
        if (out.getId() == null) {
            em.persist(out);
        }
        em.flush();
        audit.record(actor, "deliberation.tableOutputRecorded", "table_output", out.getId(), before,
                "round=" + roundId + " table=" + tableNo);
        return Result.done(out);
    }
}
