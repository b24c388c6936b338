package org.civicloop.deliberation.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.JurySession;
import org.civicloop.deliberation.JuryTables;
import org.civicloop.deliberation.OpinionStatement;
import org.civicloop.deliberation.PreferenceShift;
import org.civicloop.deliberation.PreferenceShiftService;
import org.civicloop.deliberation.RoundControl;
import org.civicloop.deliberation.SessionNotes;
import org.civicloop.deliberation.SessionPlanning;
import org.civicloop.deliberation.SessionRound;
import org.civicloop.deliberation.SessionService;
import org.civicloop.deliberation.TableOutput;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/** The facilitator's console for one jury session: agenda and timers, notes, tables, the live panel, the shift. */
@Named
@ViewScoped
public class SessionBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;
    @Inject
    SessionNotes notes;
    @Inject
    SessionPlanning planning;
    @Inject
    RoundControl rounds;
    @Inject
    JuryTables tables;
    @Inject
    Cycles cycles;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private JurySession session;
    private CycleView cycle;

    private String kind = SessionRound.Kind.OPEN_DISCUSSION.name();
    private String roundTitle;
    private String question;
    private Integer minutes = 15;
    private String stage = SessionRound.Stage.DURING.name();
    private Long statementId;

    private Long noteRoundId;
    private String noteKind = DeliberationNote.Kind.NOTE.name();
    private Integer holders;
    private String noteBody;

    private Integer tableCount = 2;
    private String outputTarget;
    private String keyPoints;
    private String agreements;
    private String disagreements;

    /** A table of a small-group round: who sits there and what it produced. */
    public record TableView(int no, List<String> names, TableOutput output) {
    }

    /** A small-group round with its tables. */
    public record GroupRound(SessionRound round, List<TableView> tables) {
    }

    public void load() throws IOException {
        session = id == null ? null : sessions.find(id).orElse(null);
        if (session == null) {
            Ui.sendError(404, Ui.text("error.sessionNotFound"));
            return;
        }
        cycle = cycles.find(session.getCycleId()).orElse(null);
        if (noteRoundId == null) {
            noteRoundId = session.getCurrentRoundId();
        }
    }

    private void reload() {
        session = sessions.find(id).orElse(session);
    }

    public List<SessionRound> getRounds() {
        return fresh ? sessions.roundsNow(id) : sessions.rounds(id);
    }

    public List<OpinionStatement> getStatements() {
        return sessions.statements(session.getCycleId());
    }

    public List<DeliberationNote> getNotes() {
        return sessions.notes(id);
    }

    public List<GroupRound> getGroupRounds() {
        Map<Long, String> names = sessions.jurorNames(session.getCycleId());
        List<GroupRound> out = new ArrayList<>();
        for (SessionRound r : getRounds()) {
            if (r.getKind() != SessionRound.Kind.SMALL_GROUP) {
                continue;
            }
            List<TableOutput> outputs = sessions.outputs(r.getId());
            List<TableView> tables = new ArrayList<>();
            sessions.tablesOf(r.getId()).forEach((no, ids) -> tables.add(new TableView(no,
                    ids.stream().map(v -> names.getOrDefault(v, "#" + v)).sorted().toList(),
                    outputs.stream().filter(o -> o.getTableNo() == no).findFirst().orElse(null))));
            out.add(new GroupRound(r, tables));
        }
        return out;
    }

    /** A choice in the table-output form: "roundId:tableNo" and its label. */
    public record Target(String value, String label) {
    }

    public List<Target> getOutputTargets() {
        List<Target> out = new ArrayList<>();
        for (GroupRound g : getGroupRounds()) {
            for (TableView t : g.tables()) {
                out.add(new Target(g.round().getId() + ":" + t.no(), g.round().getSeq() + ". " + g.round().getTitle()
                        + " — " + Ui.text("tables.table") + " " + t.no()));
            }
        }
        return out;
    }

    public PreferenceShift getShift() {
        return shifts.shift(session.getCycleId());
    }

    public String control(long roundId, String control) {
        Result<SessionRound> r = rounds.control(currentUser.actor(), roundId, RoundControl.Control.valueOf(control),
                "EXTEND".equals(control) ? 5 : 0);
        if (Ui.report(r, "round.controlled." + control)) {
            return inPlaceOrAnew();
        }
        reload();
        return null;
    }

    /**
     * From the agenda's buttons (AJAX) the agenda is drawn again in place, read fresh (SessionService.roundsNow), so the
     * facilitator keeps their place on the page; without script the page is shown anew.
     */
    private String inPlaceOrAnew() {
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            reload();
            fresh = true;
            return null;
        }
        return shownAnew();
    }

    /** Set when this request changed the rounds: the agenda is then read fresh from the database. */
    private transient boolean fresh;

    public String move(long roundId, boolean up) {
        return Ui.report(planning.moveRound(currentUser.actor(), roundId, up), null) ? inPlaceOrAnew() : null;
    }

    /**
     * The agenda was read earlier in this request, before the change, and would show the rounds as they were: show
     * the page anew (messages kept) after a round is run or moved.
     */
    private String shownAnew() {
        return Ui.redirect(FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&id="
                + id);
    }

    public String addRound() {
        SessionRound.Kind k;
        try {
            k = SessionRound.Kind.valueOf(kind);
        } catch (RuntimeException e) {
            k = null;
        }
        SessionRound.Stage st = stage == null || stage.isBlank() ? null : SessionRound.Stage.valueOf(stage);
        if (Ui.report(planning.addRound(currentUser.actor(), id, k, roundTitle, question,
                minutes == null ? 0 : minutes, st, statementId), "round.added")) {
            roundTitle = null;
            question = null;
        }
        return null;
    }

    public String recordNote() {
        if (noteRoundId == null) {
            Ui.error("refused.round.unknown");
            return null;
        }
        if (Ui.report(notes.recordNote(currentUser.actor(), noteRoundId, DeliberationNote.Kind.valueOf(noteKind),
                noteBody, holders), "note.recorded")) {
            noteBody = null;
            holders = null;
        }
        return null;
    }

    public String allocate(long roundId) {
        Ui.report(tables.allocateTables(currentUser.actor(), roundId, tableCount == null ? 0 : tableCount),
                "tables.allocated");
        return null;
    }

    public String recordOutput() {
        String[] parts = outputTarget == null ? new String[0] : outputTarget.split(":");
        if (parts.length != 2) {
            Ui.error("refused.tables.unknownTable", "?");
            return null;
        }
        if (Ui.report(tables.recordTableOutput(currentUser.actor(), Long.parseLong(parts[0]),
                Integer.parseInt(parts[1]), keyPoints, agreements, disagreements), "tables.outputRecorded")) {
            keyPoints = null;
            agreements = null;
            disagreements = null;
        }
        return null;
    }

    public String end() {
        Ui.report(rounds.endSession(currentUser.actor(), id), "session.endedNow");
        reload();
        return null;
    }

    /** Where jurors join (the code works too) and where a projector screen opens. */
    public String getJoinUrl() {
        return base() + "/account/live.xhtml?code=" + session.getJoinCode();
    }

    public String getScreenUrl() {
        return base() + "/live/screen.xhtml?key=" + session.getScreenKey();
    }

    private static String base() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest r = (HttpServletRequest) ec.getRequest();
        String url = r.getRequestURL().toString();
        return url.substring(0, url.length() - r.getRequestURI().length()) + r.getContextPath();
    }

    public SessionRound.Kind[] getKinds() {
        return SessionRound.Kind.values();
    }

    public SessionRound.Stage[] getStages() {
        return SessionRound.Stage.values();
    }

    public DeliberationNote.Kind[] getNoteKinds() {
        return DeliberationNote.Kind.values();
    }

    public boolean isEnded() {
        return session.getStatus() == JurySession.Status.ENDED;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public JurySession getSession() { return session; }
    public CycleView getCycle() { return cycle; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getRoundTitle() { return roundTitle; }
    public void setRoundTitle(String roundTitle) { this.roundTitle = roundTitle; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public Long getStatementId() { return statementId; }
    public void setStatementId(Long statementId) { this.statementId = statementId; }
    public Long getNoteRoundId() { return noteRoundId; }
    public void setNoteRoundId(Long noteRoundId) { this.noteRoundId = noteRoundId; }
    public String getNoteKind() { return noteKind; }
    public void setNoteKind(String noteKind) { this.noteKind = noteKind; }
    public Integer getHolders() { return holders; }
    public void setHolders(Integer holders) { this.holders = holders; }
    public String getNoteBody() { return noteBody; }
    public void setNoteBody(String noteBody) { this.noteBody = noteBody; }
    public Integer getTableCount() { return tableCount; }
    public void setTableCount(Integer tableCount) { this.tableCount = tableCount; }
    public String getOutputTarget() { return outputTarget; }
    public void setOutputTarget(String outputTarget) { this.outputTarget = outputTarget; }
    public String getKeyPoints() { return keyPoints; }
    public void setKeyPoints(String keyPoints) { this.keyPoints = keyPoints; }
    public String getAgreements() { return agreements; }
    public void setAgreements(String agreements) { this.agreements = agreements; }
    public String getDisagreements() { return disagreements; }
    public void setDisagreements(String disagreements) { this.disagreements = disagreements; }
}
