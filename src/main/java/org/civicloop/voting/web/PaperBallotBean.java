package org.civicloop.voting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.PaperBallotService;
import org.civicloop.voting.PaperBatch;
import org.civicloop.voting.PaperBatches;
import org.civicloop.voting.PaperEntry;
import org.civicloop.voting.PaperSheets;

/** The officer's paper-ballot desk on the cycle workspace: issue, open batches, key twice, settle, accept, import. */
@Named
@ViewScoped
public class PaperBallotBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PaperBallotService paper;
    @Inject
    PaperBatches paperBatches;
    @Inject
    CurrentUser currentUser;

    private Long cycleId;
    private Long batchId;
    private transient List<PaperBatches.BatchView> batches;

    private String issueUsername;
    private String issueWhere;
    private String label;
    private String where;
    private LocalDate collectedOn;
    private Integer sheets;
    private Integer sheetNo = 1;
    private String ranking;
    private String scanLabel;
    private String scanWhere;
    private LocalDate scanCollectedOn;
    private String scanCsv;
    private String resolveRanking;
    private String resolveNote;

    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            cycleId = id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            cycleId = null;
        }
    }

    public List<PaperBatches.BatchView> getBatches() {
        if (batches == null) {
            batches = cycleId == null ? List.of() : paperBatches.batches(cycleId);
        }
        return batches;
    }

    /** A batch's state in words, as its row in the batch table says it (also its line in the table's CSV). */
    public String statusText(PaperBatches.BatchView b) {
        if (b.batch().isAccepted()) {
            return Ui.text("paper.countedSpoilt", b.batch().getCounted(), b.batch().getSpoilt());
        }
        String state = Ui.text("paper.keyingState", b.keyedFirst(), b.keyedSecond(),
                b.batch().getSheets());
        return b.compared() ? state + " · " + Ui.text("paper.openDiscrepancies",
                b.open().size()) : state;
    }

    public PaperBatches.BatchView getSelected() {
        return batchId == null ? null
                : getBatches().stream().filter(b -> b.batch().getId().equals(batchId)).findFirst().orElse(null);
    }

    /** Which keying the signed-in officer makes on the selected batch (1 or 2), or 0 when both are taken by others. */
    public int getMyKeying() {
        PaperBatches.BatchView b = getSelected();
        if (b == null) {
            return 0;
        }
        String me = currentUser.actor().username();
        if (me.equals(b.firstKeyer()) || b.firstKeyer() == null) {
            return 1;
        }
        return me.equals(b.secondKeyer()) || b.secondKeyer() == null ? 2 : 0;
    }

    /** The sheets the signed-in officer has keyed on the selected batch (their own keying only). */
    public List<PaperSheets.Sheet> getMySheets() {
        int keying = getMyKeying();
        return keying == 0 || batchId == null ? List.of()
                : List.copyOf(paperBatches.sheets(batchId, keying).values());
    }

    public void select(long id) {
        batchId = id;
        sheetNo = 1;
        ranking = null;
    }

    public void issue() {
        if (Ui.report(paper.issuePaperBallot(currentUser.actor(), cycleId, null, issueUsername, issueWhere),
                "paper.issued", issueUsername)) {
            issueUsername = null;
        }
    }

    public void open() {
        Result<PaperBatch> r = paper.openBatch(currentUser.actor(), cycleId, null, label, where, collectedOn,
                sheets == null ? 0 : sheets);
        if (Ui.report(r, "paper.opened", label)) {
            select(r.value().getId());
            label = null;
            sheets = null;
            changed();
        }
    }

    public void key() {
        Result<PaperEntry> r = paper.keySheet(currentUser.actor(), batchId, sheetNo == null ? 0 : sheetNo, ranking);
        if (Ui.report(r, "paper.keyed", sheetNo)) {
            PaperBatches.BatchView b = getSelected();
            if (b != null && sheetNo < b.batch().getSheets()) {
                sheetNo++;
            }
            ranking = null;
            changed();
        }
    }

    public void resolve(int sheet) {
        if (Ui.report(paper.resolveSheet(currentUser.actor(), batchId, sheet, resolveRanking, resolveNote),
                "paper.resolved", sheet)) {
            resolveRanking = null;
            resolveNote = null;
            changed();
        }
    }

    public void accept() {
        Result<PaperBatch> r = paper.acceptBatch(currentUser.actor(), batchId);
        if (Ui.report(r, "paper.acceptedMsg", r.isDone() ? r.value().getCounted() : 0,
                r.isDone() ? r.value().getSpoilt() : 0)) {
            changed();
        }
    }

    public void importScan() {
        Result<PaperBatch> r = paper.importScan(currentUser.actor(), cycleId, null, scanLabel, scanWhere,
                scanCollectedOn, scanCsv);
        if (Ui.report(r, "paper.imported", r.isDone() ? r.value().getSheets() : 0)) {
            select(r.value().getId());
            scanLabel = null;
            scanCsv = null;
            changed();
        }
    }

    private void changed() {
        batches = null;
    }

    public String getIssueUsername() { return issueUsername; }
    public void setIssueUsername(String v) { issueUsername = v; }
    public String getIssueWhere() { return issueWhere; }
    public void setIssueWhere(String v) { issueWhere = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getWhere() { return where; }
    public void setWhere(String v) { where = v; }
    public LocalDate getCollectedOn() { return collectedOn; }
    public void setCollectedOn(LocalDate v) { collectedOn = v; }
    public Integer getSheets() { return sheets; }
    public void setSheets(Integer v) { sheets = v; }
    public Integer getSheetNo() { return sheetNo; }
    public void setSheetNo(Integer v) { sheetNo = v; }
    public String getRanking() { return ranking; }
    public void setRanking(String v) { ranking = v; }
    public String getScanLabel() { return scanLabel; }
    public void setScanLabel(String v) { scanLabel = v; }
    public String getScanWhere() { return scanWhere; }
    public void setScanWhere(String v) { scanWhere = v; }
    public LocalDate getScanCollectedOn() { return scanCollectedOn; }
    public void setScanCollectedOn(LocalDate v) { scanCollectedOn = v; }
    public String getScanCsv() { return scanCsv; }
    public void setScanCsv(String v) { scanCsv = v; }
    public String getResolveRanking() { return resolveRanking; }
    public void setResolveRanking(String v) { resolveRanking = v; }
    public String getResolveNote() { return resolveNote; }
    public void setResolveNote(String v) { resolveNote = v; }
}
