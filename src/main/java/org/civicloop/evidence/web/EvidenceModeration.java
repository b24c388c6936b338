package org.civicloop.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.evidence.PackReading;
import org.civicloop.evidence.WitnessQuestions;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/**
 * The facilitator's (or officer's) evidence desk: moderate questions to the witnesses (let through, merge a
 * duplicate, reject with a reason), record the witnesses' answers, and see jurors' reading progress as counts.
 */
@Named
@ViewScoped
public class EvidenceModeration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EvidenceService evidence;

    @Inject

    WitnessQuestions witnessQuestions;

    @Inject

    PackReading reading;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private transient CycleView cycle;
    private final Map<Long, String> answers = new HashMap<>();
    private final Map<Long, String> witnesses = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> mergeInto = new HashMap<>();

    public void load() throws IOException {
        cycle = id == null ? null : cycles.find(id).orElse(null);
        if (cycle == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    public CycleView getCycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).orElse(null);
        }
        return cycle;
    }

    public List<EvidenceViews.QueuedQuestion> getQueue() {
        return witnessQuestions.queuedQuestions(id);
    }

    public List<EvidenceViews.AnsweredQuestion> getAnswered() {
        return witnessQuestions.answeredQuestions(id);
    }

    public List<EvidenceViews.JurorProgress> getProgress() {
        Result<List<EvidenceViews.JurorProgress>> r = reading.readingProgress(currentUser.actor(), id);
        return r.isDone() ? r.value() : List.of();
    }

    public void accept(long questionId) {
        Ui.report(witnessQuestions.acceptQuestion(currentUser.actor(), questionId), "evidence.question.acceptedMsg");
    }

    public void merge(long questionId) {
        Long into;
        try {
            into = Long.valueOf(mergeInto.getOrDefault(questionId, "").strip());
        } catch (NumberFormatException e) {
            into = null;
        }
        if (into == null) {
            Ui.error("refused.question.mergeTarget");
            return;
        }
        Ui.report(witnessQuestions.mergeQuestion(currentUser.actor(), questionId, into), "evidence.question.mergedMsg");
    }

    public void reject(long questionId) {
        if (Ui.report(witnessQuestions.rejectQuestion(currentUser.actor(), questionId, reasons.get(questionId)),
                "evidence.question.rejectedMsg")) {
            reasons.remove(questionId);
        }
    }

    public void answer(long questionId) {
        if (Ui.report(witnessQuestions.answerQuestion(currentUser.actor(), questionId, answers.get(questionId),
                witnesses.get(questionId)), "evidence.question.answeredMsg")) {
            answers.remove(questionId);
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Map<Long, String> getAnswers() { return answers; }
    public Map<Long, String> getWitnesses() { return witnesses; }
    public Map<Long, String> getReasons() { return reasons; }
    public Map<Long, String> getMergeInto() { return mergeInto; }
}
