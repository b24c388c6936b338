package org.civicloop.eligibility.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.eligibility.Eligibility;
import org.civicloop.eligibility.EligibilityService;
import org.civicloop.eligibility.Verifications;
import org.civicloop.eligibility.Verification;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The resident's verification page of a cycle: census identifiers or a postal code. */
@Named
@ViewScoped
public class VerifyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    EligibilityService service;
    @Inject
    Verifications verifications;
    @Inject
    Eligibility eligibility;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private CycleView cycle;
    private String document;
    private String birthDate;
    private String postcode;
    private String code;

    public void load() {
        cycle = id == null ? null : cycles.find(id).filter(CycleView::published).orElse(null);
    }

    public Eligibility.ElectorateView getElectorate() {
        return eligibility.electorate(id).orElse(null);
    }

    public Verification getVerification() {
        return service.verificationOf(id, currentUser.getUsername()).orElse(null);
    }

    public String byCensus() {
        if (Ui.report(verifications.verifyByCensus(currentUser.actor(), id, document, birthDate, postcode), null)) {
            document = null;
            birthDate = null;
            postcode = null;
        }
        return null;
    }

    public String byCode() {
        if (Ui.report(verifications.verifyByCode(currentUser.actor(), id, code), null)) {
            code = null;
        }
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CycleView getCycle() { return cycle; }
    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
