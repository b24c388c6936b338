package org.civicloop.jury.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.InfeasibilityReport;
import org.civicloop.jury.JuryDrawRunner;
import org.civicloop.jury.JuryRetention;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.PoolImport;
import org.civicloop.jury.Volunteering;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/**
 * The jury parts of the officer's workspace beyond quotas and invitations: importing a pool, the household rule, the
 * draw running off the page (with its progress), the export of imported people, and the retention rule.
 */
@Named
@ViewScoped
public class JuryWorkspaceBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JuryService jury;

    @Inject

    Volunteering volunteering;

    @Inject

    PoolImport poolImport;
    @Inject
    JuryDrawRunner runner;
    @Inject
    JuryRetention retention;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private transient Part upload;
    private String idColumn = "id";
    private String addressColumns;
    private Boolean onePerHousehold;

    @PostConstruct
    void init() {
        cycleId = CsvTransfer.cycleIdOfPage();
    }

    public String importPool() {
        String csv = CsvTransfer.read(upload, 5, "refused.pool.csv");
        if (csv == null) {
            return null;
        }
        List<String> address = CsvTransfer.columns(addressColumns);
        Result<Integer> r = poolImport.importPool(currentUser.actor(), cycleId, csv, idColumn, address);
        return reloadedIf(Ui.report(r, "pool.imported", r.isDone() ? r.value() : 0));
    }

    public String saveHousehold() {
        return reloadedIf(Ui.report(volunteering.setHouseholdRule(currentUser.actor(), cycleId, isOnePerHousehold()),
                "household.saved"));
    }

    /** Starts the draw on the server's executor; the page then shows its progress until it is done. */
    public String draw() {
        if (!Ui.report(runner.start(currentUser.actor(), cycleId), null)) {
            return null;
        }
        JuryDrawRunner.DrawStatus s = runner.awaitBriefly(cycleId, java.time.Duration.ofMillis(1500));
        if (s.state() == JuryDrawRunner.State.DONE) {
            Ui.report(Result.done(s), "jury.drawn");
        } else if (s.isRunning()) {
            Ui.report(Result.done(s), "jury.drawStarted");
        }
        return Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + cycleId);
    }

    /** Polled while the draw runs: once it has finished, shows the page anew with the outcome. */
    public void poll() throws IOException {
        JuryDrawRunner.DrawStatus s = getStatus();
        if (s == null || s.isRunning()) {
            return;
        }
        FacesContext fc = FacesContext.getCurrentInstance();
        if (s.state() == JuryDrawRunner.State.DONE) {
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Ui.text("jury.drawn"), null));
        }
        ExternalContext ec = fc.getExternalContext();
        ec.getFlash().setKeepMessages(true);
        ec.redirect(ec.getRequestContextPath() + "/officer/cycle.xhtml?id=" + cycleId);
    }

    /** The officer's download of the imported people, exactly as imported (personal data: officers only). */
    public void exportPeople() throws IOException {
        Result<String> r = poolImport.importedPeopleCsv(currentUser.actor(), cycleId);
        if (!Ui.report(r, null)) {
            return;
        }
        CsvTransfer.send("people-" + cycleId + ".csv", r.value());
    }

    public String applyRetention() {
        Result<Integer> r = retention.runNow(currentUser.actor(), cycleId);
        return reloadedIf(Ui.report(r, "retention.applied", r.isDone() ? r.value() : 0));
    }

    private String reloadedIf(boolean done) {
        return done ? Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + cycleId) : null;
    }

    /** The latest draw of this cycle started on this server, or null. */
    public JuryDrawRunner.DrawStatus getStatus() {
        return runner.status(cycleId).orElse(null);
    }

    public boolean isDrawing() {
        JuryDrawRunner.DrawStatus s = getStatus();
        return s != null && s.isRunning();
    }

    /** Why the latest draw failed, in the reader's language, while the jury is still not drawn; else null. */
    public String getFailure() {
        JuryDrawRunner.DrawStatus s = getStatus();
        if (s == null || s.state() != JuryDrawRunner.State.FAILED
                || jury.findDraw(cycleId).map(d -> d.isDrawn()).orElse(false)) {
            return null;
        }
        return Messages.format(Ui.locale(), s.refusal(), s.args().toArray());
    }

    /**
     * Why the latest draw failed when the quotas cannot be met, in parts and in the reader's language (the reasons
     * and the smallest relaxation as lists); else null (then {@link #getFailure()} says why).
     */
    public InfeasibilityReport.Text getInfeasibility() {
        if (getFailure() == null) {
            return null;
        }
        JuryDrawRunner.DrawStatus s = getStatus();
        return s.args().size() == 1 && s.args().get(0) instanceof InfeasibilityReport r ? r.localized(Ui.locale())
                : null;
    }

    public boolean isQuotasSet() { return !jury.quotas(cycleId).isEmpty(); }
    public boolean isImported() { return jury.setting(cycleId).getPoolHeader() != null; }
    public String getPoolHeader() { return jury.setting(cycleId).getPoolHeader(); }
    public String getImportedAddressColumns() { return jury.setting(cycleId).getAddressColumns(); }
    public long getImportedCount() {
        return jury.personal(cycleId).stream().filter(p -> p.getSourceRow() != null).count();
    }
    public boolean isRetained() { return jury.retention(cycleId).isPresent(); }
    public int getRetentionDays() { return retention.days(); }

    public Part getUpload() { return upload; }
    public void setUpload(Part upload) { this.upload = upload; }
    public String getIdColumn() { return idColumn; }
    public void setIdColumn(String idColumn) { this.idColumn = idColumn; }
    public String getAddressColumns() { return addressColumns; }
    public void setAddressColumns(String addressColumns) { this.addressColumns = addressColumns; }
    public boolean isOnePerHousehold() {
        return onePerHousehold == null ? jury.setting(cycleId).isOnePerHousehold() : onePerHousehold;
    }
    public void setOnePerHousehold(boolean on) { this.onePerHousehold = on; }
}
