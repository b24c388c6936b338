package org.civicloop.deliberation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.deliberation.OpinionAnswer;
import org.civicloop.deliberation.OpinionStatement;
import org.civicloop.deliberation.ParticipantViews;
import org.civicloop.deliberation.ParticipationService;
import org.civicloop.deliberation.SessionRound;
import org.civicloop.deliberation.SessionService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/** The before/after questions: every opinion statement on the agree scale and the options in rank order. */
@Named
@ViewScoped
public class OpinionsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    SessionService sessions;
    @Inject
    ParticipationService participation;
    @Inject
    ParticipantViews participantViews;
    @Inject
    VotingService voting;
    @Inject
    Juries jury;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private String stage = "BEFORE";
    private CycleView cycle;
    private final Map<Long, Integer> scores = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private boolean saved;

    public void load() {
        cycle = id == null ? null : cycles.find(id).filter(CycleView::published).orElse(null);
        if (cycle == null) {
            return;
        }
        if (!"AFTER".equals(stage)) {
            stage = "BEFORE";
        }
        Map<String, Integer> mine = participantViews.myAnswers(currentUser.actor(), id, SessionRound.Stage.valueOf(stage));
        for (OpinionStatement s : getStatements()) {
            scores.putIfAbsent(s.getId(), mine.get(s.itemKey()));
        }
        for (CostedOption o : getOptions()) {
            ranks.putIfAbsent(o.getCode(), mine.get("O" + o.getCode()));
        }
        saved = !mine.isEmpty();
    }

    public List<OpinionStatement> getStatements() {
        return sessions.statements(id);
    }

    public List<CostedOption> getOptions() {
        return voting.options(id);
    }

    /** The ranks a person may give: 1 to the number of options. */
    public List<Integer> getRankChoices() {
        return IntStream.rangeClosed(1, getOptions().size()).boxed().toList();
    }

    public boolean isJuror() {
        return jury.isJuror(id, currentUser.actor().username());
    }

    public String save() {
        TreeMap<Integer, String> byRank = new TreeMap<>();
        for (Map.Entry<String, Integer> e : ranks.entrySet()) {
            if (e.getValue() != null && byRank.put(e.getValue(), e.getKey()) != null) {
                Ui.error("refused.poll.ranking", getOptions().size());
                return null;
            }
        }
        Result<OpinionAnswer.Panel> r = participation.answerQuestions(currentUser.actor(), id,
                SessionRound.Stage.valueOf(stage), scores, new ArrayList<>(byRank.values()));
        if (Ui.report(r, "opinions.saved")) {
            saved = true;
        }
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public CycleView getCycle() { return cycle; }
    public Map<Long, Integer> getScores() { return scores; }
    public Map<String, Integer> getRanks() { return ranks; }
    public boolean isSaved() { return saved; }
}
