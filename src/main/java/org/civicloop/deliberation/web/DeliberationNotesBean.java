package org.civicloop.deliberation.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The deliberation notes on the officer's cycle workspace: the notes recorded, and recording one. */
@Named
@ViewScoped
public class DeliberationNotesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeliberationService deliberation;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private String noteRound;
    private DeliberationNote.Kind noteKind = DeliberationNote.Kind.NOTE;
    private String noteBody;

    @PostConstruct
    void init() {
        cycleId = Ui.pageId();
    }

    public String recordNote() {
        if (Ui.report(deliberation.recordNote(currentUser.actor(), cycleId, noteRound, noteKind, noteBody),
                "note.recorded")) {
            noteBody = null;
        }
        return null;
    }

    public List<DeliberationNote> getNotes() { return deliberation.notes(cycleId); }
    public DeliberationNote.Kind[] getNoteKinds() { return DeliberationNote.Kind.values(); }
    public String getNoteRound() { return noteRound; }
    public void setNoteRound(String s) { this.noteRound = s; }
    public DeliberationNote.Kind getNoteKind() { return noteKind; }
    public void setNoteKind(DeliberationNote.Kind k) { this.noteKind = k; }
    public String getNoteBody() { return noteBody; }
    public void setNoteBody(String s) { this.noteBody = s; }
}
