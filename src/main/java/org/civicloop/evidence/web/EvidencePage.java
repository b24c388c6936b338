package org.civicloop.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.evidence.EvidenceReview;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceViews.PublishedItem;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.evidence.PackReading;
import org.civicloop.evidence.WitnessQuestions;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/**
 * The reading view of a cycle's published evidence pack (phone first): search, the balance across perspectives
 * and options, every item with its version, hash, attachment and answered questions; signed-in residents and
 * jurors mark items read and ask the witnesses questions, and see what became of their questions.
 */
@Named
@ViewScoped
public class EvidencePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EvidenceService evidence;

    @Inject

    EvidenceReview review;

    @Inject

    WitnessQuestions witnessQuestions;

    @Inject

    PackReading reading;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private String q;
    private transient CycleView cycle;
    private transient EvidenceViews.PublishedPack pack;
    private transient List<EvidenceViews.SearchHit> hits;
    private transient Map<Long, List<EvidenceViews.AnsweredQuestion>> answers;
    private transient Set<Long> read;
    private final Map<Long, String> questions = new HashMap<>();

    public void load() throws IOException {
        if (cycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    private CycleView cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).filter(c -> c.published() || currentUser.isOfficer()).orElse(null);
        }
        return cycle;
    }

    public CycleView getCycle() {
        return cycle();
    }

    public EvidenceViews.PublishedPack getPack() {
        if (pack == null) {
            pack = evidence.published(id).orElse(null);
        }
        return pack;
    }

    public boolean isSearching() {
        return q != null && !q.isBlank();
    }

    public List<EvidenceViews.SearchHit> getHits() {
        if (hits == null) {
            hits = isSearching() ? evidence.search(id, q) : List.of();
        }
        return hits;
    }

    /** The items shown: the search hits when searching, every published item otherwise. */
    public List<PublishedItem> getItems() {
        if (isSearching()) {
            return getHits().stream().map(EvidenceViews.SearchHit::item).toList();
        }
        return getPack() == null ? List.of() : getPack().items();
    }

    public EvidenceViews.Balance getBalance() {
        return review.balance(id, getPack() == null ? List.of() : getPack().items());
    }

    public List<EvidenceViews.AnsweredQuestion> answersFor(long itemId) {
        if (answers == null) {
            answers = new HashMap<>();
            for (EvidenceViews.AnsweredQuestion a : witnessQuestions.answeredQuestions(id)) {
                answers.computeIfAbsent(a.itemId(), k -> new java.util.ArrayList<>()).add(a);
            }
        }
        return answers.getOrDefault(itemId, List.of());
    }

    public boolean isReader() {
        return currentUser.isResident();
    }

    public boolean isCanAsk() {
        return isReader() && !cycle().phase().isAfter(Phase.DELIBERATE);
    }

    public boolean isRead(long itemId) {
        if (read == null) {
            read = isReader() ? reading.readBy(currentUser.getUsername(), id) : Set.of();
        }
        return read.contains(itemId);
    }

    public long getReadCount() {
        return getPack() == null ? 0 : getPack().items().stream().filter(i -> isRead(i.itemId())).count();
    }

    public List<EvidenceViews.MyQuestion> getMyQuestions() {
        return isReader() ? witnessQuestions.questionsBy(currentUser.getUsername(), id) : List.of();
    }

    public void markRead(long itemId) {
        if (Ui.report(reading.markRead(currentUser.actor(), itemId), "evidence.readMarked")) {
            read = null;
        }
    }

    public void ask(long itemId) {
        if (Ui.report(witnessQuestions.askQuestion(currentUser.actor(), itemId, questions.get(itemId)),
                "evidence.question.asked")) {
            questions.remove(itemId);
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Map<Long, String> getQuestions() { return questions; }
}
