package org.civicloop.jury.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.Volunteering;
import org.civicloop.jury.JurySetting;
import org.civicloop.jury.LetterRound;
import org.civicloop.jury.LetterRoundService;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/**
 * The letter round on the officer's workspace (stage one of the two-stage lottery): who may volunteer, the address
 * list, the commitment, the draw, the letters for the mail house and the response.
 */
@Named
@ViewScoped
public class LetterRoundBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LetterRoundService letters;
    @Inject
    JuryService jury;
    @Inject
    Volunteering volunteers;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private transient Part upload;
    private String idColumn = "id";
    private String addressColumns;
    private String areaColumn;
    private Integer count;
    private boolean byArea;
    private String seed;
    private String volunteering;

    @PostConstruct
    void init() {
        cycleId = CsvTransfer.cycleIdOfPage();
    }

    public String upload() {
        String csv = CsvTransfer.read(upload, 20, "refused.letters.csv");
        if (csv == null) {
            return null;
        }
        List<String> address = CsvTransfer.columns(addressColumns);
        Result<Integer> r = letters.uploadAddresses(currentUser.actor(), cycleId, csv, idColumn, address, areaColumn);
        return reloadedIf(Ui.report(r, "letters.uploaded", r.isDone() ? r.value() : 0));
    }

    public String commit() {
        if (count == null) {
            Ui.error("refused.letters.count", letters.distinctAddresses(cycleId));
            return null;
        }
        return reloadedIf(Ui.report(letters.commitLetters(currentUser.actor(), cycleId, count, byArea, seed),
                "letters.committed"));
    }

    public String draw() {
        Result<Integer> r = letters.drawLetters(currentUser.actor(), cycleId);
        return reloadedIf(Ui.report(r, "letters.drawn", r.isDone() ? r.value() : 0));
    }

    public String saveVolunteering() {
        JurySetting.Volunteering v;
        try {
            v = JurySetting.Volunteering.valueOf(getVolunteering());
        } catch (IllegalArgumentException e) {
            Ui.error("refused.volunteering.value");
            return null;
        }
        return reloadedIf(Ui.report(volunteers.setVolunteering(currentUser.actor(), cycleId, v), "volunteering.saved"));
    }

    /** The letters for the mail house (personal data: officers only). */
    public void download() throws IOException {
        Result<String> r = letters.lettersCsv(currentUser.actor(), cycleId);
        if (!Ui.report(r, null)) {
            return;
        }
        CsvTransfer.send("letters-" + cycleId + ".csv", r.value());
    }

    private String reloadedIf(boolean done) {
        return done ? Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + cycleId) : null;
    }

    public LetterRound getRound() { return letters.round(cycleId).orElse(null); }
    public LetterRoundService.Response getResponse() { return letters.response(cycleId).orElse(null); }
    public int getDistinct() { return letters.distinctAddresses(cycleId); }
    public boolean isErased() { return jury.retention(cycleId).isPresent(); }

    public Part getUpload() { return upload; }
    public void setUpload(Part upload) { this.upload = upload; }
    public String getIdColumn() { return idColumn; }
    public void setIdColumn(String idColumn) { this.idColumn = idColumn; }
    public String getAddressColumns() { return addressColumns; }
    public void setAddressColumns(String addressColumns) { this.addressColumns = addressColumns; }
    public String getAreaColumn() { return areaColumn; }
    public void setAreaColumn(String areaColumn) { this.areaColumn = areaColumn; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public boolean isByArea() { return byArea; }
    public void setByArea(boolean byArea) { this.byArea = byArea; }
    public String getSeed() { return seed; }
    public void setSeed(String seed) { this.seed = seed; }
    public String getVolunteering() {
        return volunteering == null ? jury.setting(cycleId).getVolunteering().name() : volunteering;
    }
    public void setVolunteering(String volunteering) { this.volunteering = volunteering; }
}
