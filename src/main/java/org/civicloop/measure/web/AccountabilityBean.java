package org.civicloop.measure.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civicloop.identity.CurrentUser;
import org.civicloop.measure.AccountabilityService;
import org.civicloop.measure.LedgerKind;
import org.civicloop.measure.OutcomesReport;
import org.civicloop.measure.PromiseDraft;
import org.civicloop.measure.PromiseVerdict;
import org.civicloop.measure.ValueDimension;
import org.civicloop.platform.web.Ui;

/**
 * The accountability forms of the officer's measuring page (/officer/measure.xhtml?id=ID): a provider's public value
 * account with its promises, marking a promise kept or not, and the co-production ledger. The cycle and what the
 * page shows are {@link MeasureBean}'s.
 */
@Named
@ViewScoped
public class AccountabilityBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeasureBean page;
    @Inject
    AccountabilityService accountability;
    @Inject
    CurrentUser currentUser;

    // A provider's value account
    private Long accountObjective;
    private String provider;
    private Integer accountYear;
    private String accountSummary;
    private final ValueDimension[] promiseDimensions = new ValueDimension[3];
    private final String[] promiseTexts = new String[3];
    private final String[] deliveredTexts = new String[3];
    // Marking a promise
    private Long promiseId;
    private PromiseVerdict verdict;
    private String evidence;
    // Ledger
    private LedgerKind ledgerKind;
    private String ledgerDescription;
    private BigDecimal ledgerHours;
    private Long ledgerAmount;

    public List<OutcomesReport.PromiseView> getUnmarkedPromises() {
        List<OutcomesReport.PromiseView> out = new ArrayList<>();
        page.getObjectives().forEach(o -> o.accounts().forEach(a -> a.promises().stream()
                .filter(p -> p.verdict() == null).forEach(out::add)));
        return out;
    }

    public String submitAccount() {
        List<PromiseDraft> promises = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boolean any = promiseTexts[i] != null && !promiseTexts[i].isBlank();
            if (any || (deliveredTexts[i] != null && !deliveredTexts[i].isBlank())) {
                promises.add(new PromiseDraft(promiseDimensions[i], promiseTexts[i], deliveredTexts[i]));
            }
        }
        if (accountObjective != null && Ui.report(accountability.submitValueAccount(currentUser.actor(),
                accountObjective, provider, accountYear == null ? 0 : accountYear, accountSummary, promises),
                "measure.accountSaved")) {
            provider = accountSummary = null;
            Arrays.fill(promiseTexts, null);
            Arrays.fill(deliveredTexts, null);
            page.changed();
        }
        return null;
    }

    public String markPromise() {
        if (promiseId != null && Ui.report(accountability.markPromise(currentUser.actor(), promiseId, verdict,
                evidence), "measure.promiseMarked")) {
            evidence = null;
            verdict = null;
            page.changed();
        }
        return null;
    }

    public String recordLedger() {
        if (Ui.report(accountability.recordLedgerEntry(currentUser.actor(), page.getId(), ledgerKind, ledgerDescription,
                ledgerHours, ledgerAmount == null ? 0 : ledgerAmount), "measure.ledgerSaved")) {
            ledgerDescription = null;
            ledgerHours = null;
            ledgerAmount = null;
        }
        return null;
    }

    public ValueDimension[] getDimensions() { return ValueDimension.values(); }
    public PromiseVerdict[] getVerdicts() { return PromiseVerdict.values(); }
    public LedgerKind[] getLedgerKinds() { return LedgerKind.values(); }
    public Long getAccountObjective() { return accountObjective; }
    public void setAccountObjective(Long v) { this.accountObjective = v; }
    public String getProvider() { return provider; }
    public void setProvider(String v) { this.provider = v; }
    public Integer getAccountYear() { return accountYear; }
    public void setAccountYear(Integer v) { this.accountYear = v; }
    public String getAccountSummary() { return accountSummary; }
    public void setAccountSummary(String v) { this.accountSummary = v; }
    public ValueDimension[] getPromiseDimensions() { return promiseDimensions; }
    public String[] getPromiseTexts() { return promiseTexts; }
    public String[] getDeliveredTexts() { return deliveredTexts; }
    public Long getPromiseId() { return promiseId; }
    public void setPromiseId(Long v) { this.promiseId = v; }
    public PromiseVerdict getVerdict() { return verdict; }
    public void setVerdict(PromiseVerdict v) { this.verdict = v; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String v) { this.evidence = v; }
    public LedgerKind getLedgerKind() { return ledgerKind; }
    public void setLedgerKind(LedgerKind v) { this.ledgerKind = v; }
    public String getLedgerDescription() { return ledgerDescription; }
    public void setLedgerDescription(String v) { this.ledgerDescription = v; }
    public BigDecimal getLedgerHours() { return ledgerHours; }
    public void setLedgerHours(BigDecimal v) { this.ledgerHours = v; }
    public Long getLedgerAmount() { return ledgerAmount; }
    public void setLedgerAmount(Long v) { this.ledgerAmount = v; }
}
