package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * The use cases of publishing the "you said, we did" report: the first version (every recommendation answered, every
 * item for political decision signed off) and corrections, each an immutable version with its SHA-256 in the audit
 * chain; the people who asked to hear about it are told.
 */
@ApplicationScoped
public class ReportPublication {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    FeedbackService feedback;
    @Inject
    ReportAssembler assembler;
    @Inject
    Notifications notifications;
    @Inject
    Event<ReportPublished> published;

    /**
     * Publishes the first version of the cycle's report (in FEEDBACK): every recommendation answered, every item for
     * political decision signed off. The snapshot is stored with its SHA-256, which also goes into the audit chain;
     * the people who opted in are notified after the publication commits (mail never holds publication up).
     */
    @Transactional
    public Result<ReportVersion> publishReport(Actor actor, long cycleId, ReportDraft draft) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase() != Phase.FEEDBACK) {
            return Result.refused("refused.report.phase");
        }
        if (!versions(cycleId).isEmpty()) {
            return Result.refused("refused.report.published");
        }
        return publish(actor, cycle, draft, null);
    }

    /**
     * Publishes a correction: a new version with a visible change note; earlier versions stay as they were, each
     * readable by its number.
     */
    @Transactional
    public Result<ReportVersion> publishCorrection(Actor actor, long cycleId, ReportDraft draft, String changeNote) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (versions(cycleId).isEmpty()) {
            return Result.refused("refused.correction.nothingPublished");
        }
        if (blank(changeNote) || changeNote.length() > FeedbackService.MAX_MEDIUM) {
            return Result.refused("refused.correction.note");
        }
        return publish(actor, found.value(), draft, changeNote.strip());
    }

    private Result<ReportVersion> publish(Actor actor, CycleView cycle, ReportDraft draft, String changeNote) {
        if (draft == null || blank(draft.summary()) || draft.summary().length() > FeedbackService.MAX_TEXT) {
            return Result.refused("refused.report.summary");
        }
        if (blank(draft.nextSteps()) || draft.nextSteps().length() > FeedbackService.MAX_MEDIUM) {
            return Result.refused("refused.report.nextSteps");
        }
        List<Recommendation> recs = recommendations(cycle.id());
        long unanswered = recs.stream().filter(r -> !r.isAnswered()).count();
        if (unanswered > 0) {
            return Result.refused("refused.report.unanswered", unanswered);
        }
        List<String> unsigned = recs.stream().filter(r -> !r.isReady()).map(Recommendation::getTitle).toList();
        if (!unsigned.isEmpty()) {
            return Result.refused("refused.report.signoffMissing", String.join(", ", unsigned));
        }
        List<ReportVersion> earlier = versions(cycle.id());
        int number = earlier.size() + 1;
        Instant now = clock.instant();
        ReportDraft clean = new ReportDraft(draft.summary().strip(), draft.nextSteps().strip(), draft.nextDate());
        Report report = assembler.assemble(cycle, recs, clean, number, now, changeNote, earlier, audit.headHash());
        String snapshot = ReportJson.write(report);
        String hash = sha256(snapshot);
        ReportVersion version = new ReportVersion(cycle.id(), number, changeNote, snapshot, hash, now,
                actor.username());
        em.persist(version);
        em.flush();
        audit.record(actor, number == 1 ? "feedback.reportPublished" : "feedback.reportCorrected", "report_version",
                version.getId(), null, "cycle=" + cycle.id() + "; version=" + number + "; sha256=" + hash);
        if (number == 1) {
            cycleViews.recordReportPublished(actor, cycle.id(), now, clean.summary());
        } else {
            cycleViews.recordReportCorrected(actor, cycle.id(), clean.summary(), number);
        }
        int told = notifications.notifyParticipants(actor, cycle.id(), number);
        published.fire(new ReportPublished(cycle.id(), number, told));
        return Result.done(version);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReportVersion> versions(long cycleId) {
        return feedback.versions(cycleId);
    }

    private List<Recommendation> recommendations(long cycleId) {
        return feedback.recommendations(cycleId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
