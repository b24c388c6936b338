package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.evidence.EvidenceViews.AnsweredQuestion;
import org.civicloop.evidence.EvidenceViews.MyQuestion;
import org.civicloop.evidence.EvidenceViews.QueuedQuestion;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of questions to the witnesses: jurors and residents ask, facilitators and officers accept, merge or
 * reject them, and record the witnesses' answers.
 */
@ApplicationScoped
public class WitnessQuestions {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Juries jury;
    @Inject
    EvidenceService evidence;

    static final int MAX_OPEN_QUESTIONS = 5;

    // ------------------------------------------------------------------------------------------------ questions

    /** A juror or resident asks the witness behind a published item a question; it waits for moderation. */
    @Transactional
    public Result<EvidenceQuestion> askQuestion(Actor actor, long itemId, String text) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.question.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId);
        if (item == null || !evidence.publishedItemIds(item.getCycleId()).contains(itemId)) {
            return Result.refused("refused.evidence.unknown");
        }
        CycleView cycle = cycleViews.findLocked(item.getCycleId()).orElse(null);
        if (cycle.phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.question.phase");
        }
        if (text == null || text.strip().length() < 5 || text.strip().length() > 1000) {
            return Result.refused("refused.question.text");
        }
        long open = em.createQuery("SELECT COUNT(q) FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.askedBy = :u"
                        + " AND q.status = :s", Long.class).setParameter("c", item.getCycleId())
                .setParameter("u", actor.username()).setParameter("s", EvidenceQuestion.Status.QUEUED)
                .getSingleResult();
        if (open >= MAX_OPEN_QUESTIONS) {
            return Result.refused("refused.question.tooMany", MAX_OPEN_QUESTIONS);
        }
        EvidenceQuestion q = new EvidenceQuestion(item.getCycleId(), itemId, actor.username(), text.strip(),
                clock.instant());
        em.persist(q);
        em.flush();
        audit.record(actor, "evidence.question.asked", "evidence_question", q.getId(), null, "item=" + itemId);
        return Result.done(q);
    }

    /** The moderator lets a question through to the witness. */
    @Transactional
    public Result<EvidenceQuestion> acceptQuestion(Actor actor, long questionId) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        EvidenceQuestion q = found.value();
        if (q.getStatus() != EvidenceQuestion.Status.QUEUED) {
            return Result.refused("refused.question.notOpen");
        }
        String before = audit.digestOf("evidence_question", questionId);
        q.accept(actor.username(), clock.instant());
        audit.record(actor, "evidence.question.accepted", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    /** The moderator merges a question into an earlier one that asks the same: it shares that one's answer. */
    @Transactional
    public Result<EvidenceQuestion> mergeQuestion(Actor actor, long questionId, long intoId) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        EvidenceQuestion q = found.value();
        EvidenceQuestion into = em.find(EvidenceQuestion.class, intoId);
        if (into == null || intoId == questionId || !into.getCycleId().equals(q.getCycleId())
                || into.getStatus() == EvidenceQuestion.Status.MERGED
                || into.getStatus() == EvidenceQuestion.Status.REJECTED) {
            return Result.refused("refused.question.mergeTarget");
        }
        if (em.createQuery("SELECT COUNT(q) FROM EvidenceQuestion q WHERE q.mergedInto = :id", Long.class)
                .setParameter("id", questionId).getSingleResult() > 0) {
            return Result.refused("refused.question.mergeTarget");
        }
        String before = audit.digestOf("evidence_question", questionId);
        q.mergeInto(intoId, actor.username(), clock.instant());
        audit.record(actor, "evidence.question.merged", "evidence_question", questionId, before, "into=" + intoId);
        return Result.done(q);
    }

    /** The moderator rejects a question (abuse, off topic) with a reason its author is shown. */
    @Transactional
    public Result<EvidenceQuestion> rejectQuestion(Actor actor, long questionId, String reason) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 1000) {
            return Result.refused("refused.question.reason");
        }
        EvidenceQuestion q = found.value();
        String before = audit.digestOf("evidence_question", questionId);
        q.reject(reason.strip(), actor.username(), clock.instant());
        audit.record(actor, "evidence.question.rejected", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    /** Records the witness's answer (given by the witness in writing or on jury day); it joins the pack. */
    @Transactional
    public Result<EvidenceQuestion> answerQuestion(Actor actor, long questionId, String answer, String witness) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        if (answer == null || answer.strip().length() < 2 || answer.strip().length() > 4000) {
            return Result.refused("refused.question.answer");
        }
        if (witness == null || witness.isBlank() || witness.strip().length() > 200) {
            return Result.refused("refused.question.witness");
        }
        EvidenceQuestion q = found.value();
        String before = audit.digestOf("evidence_question", questionId);
        q.answer(answer.strip(), witness.strip(), actor.username(), clock.instant());
        audit.record(actor, "evidence.question.answered", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    private Result<EvidenceQuestion> moderatable(Actor actor, long questionId) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceQuestion q = em.find(EvidenceQuestion.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (q == null) {
            return Result.refused("refused.question.unknown");
        }
        if (!q.isOpen()) {
            return Result.refused("refused.question.notOpen");
        }
        return Result.done(q);
    }

    /** Questions waiting for moderation (QUEUED) or for the witness's answer (ACCEPTED), oldest first. */
    public List<QueuedQuestion> queuedQuestions(long cycleId) {
        Map<Long, String> titles = evidence.items(cycleId).stream()
                .collect(Collectors.toMap(EvidenceItem::getId, EvidenceItem::getTitle));
        Map<Long, Long> duplicates = duplicateCounts(cycleId);
        return em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.status IN :s"
                                + " ORDER BY q.askedAt, q.id", EvidenceQuestion.class).setParameter("c", cycleId)
                .setParameter("s", List.of(EvidenceQuestion.Status.QUEUED, EvidenceQuestion.Status.ACCEPTED))
                .getResultList().stream()
                .map(q -> new QueuedQuestion(q.getId(), q.getItemId(), titles.get(q.getItemId()), q.getBody(),
                        q.getStatus(), q.getAskedAt(), duplicates.getOrDefault(q.getId(), 0L).intValue()))
                .toList();
    }

    /** Answered questions of the cycle, by item: part of the pack. */
    public List<AnsweredQuestion> answeredQuestions(long cycleId) {
        Map<Long, Long> duplicates = duplicateCounts(cycleId);
        return evidence.answeredQuestionsOf(cycleId).stream().map(q -> new AnsweredQuestion(q.getId(), q.getItemId(),
                q.getBody(), q.getAnswer(), q.getAnsweredBy(), q.getAnsweredAt(),
                duplicates.getOrDefault(q.getId(), 0L).intValue())).toList();
    }

    /** The questions this person asked in the cycle, with their status (and the reason when rejected). */
    public List<MyQuestion> questionsBy(String username, long cycleId) {
        Map<Long, EvidenceQuestion> all = em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c",
                EvidenceQuestion.class).setParameter("c", cycleId).getResultList().stream()
                .collect(Collectors.toMap(EvidenceQuestion::getId, Function.identity()));
        Map<Long, String> titles = evidence.items(cycleId).stream()
                .collect(Collectors.toMap(EvidenceItem::getId, EvidenceItem::getTitle));
        return all.values().stream().filter(q -> q.getAskedBy().equals(username))
                .sorted(Comparator.comparing(EvidenceQuestion::getId)).map(q -> {
                    EvidenceQuestion answered = q.getMergedInto() == null ? q : all.get(q.getMergedInto());
                    return new MyQuestion(q.getId(), q.getItemId(), titles.get(q.getItemId()), q.getBody(),
                            q.getStatus(), q.getRejectReason(), answered == null ? null : answered.getAnswer(),
                            answered == null ? null : answered.getAnsweredBy());
                }).toList();
    }

    private Map<Long, Long> duplicateCounts(long cycleId) {
        Map<Long, Long> out = new HashMap<>();
        em.createQuery("SELECT q.mergedInto FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.mergedInto IS NOT NULL",
                Long.class).setParameter("c", cycleId).getResultList().forEach(id -> out.merge(id, 1L, Long::sum));
        return out;
    }
}
