package org.civicloop.eligibility.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.eligibility.Eligibility;
import org.civicloop.eligibility.EligibilityService;
import org.civicloop.eligibility.Verifications;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/** The officers' electorate page: define the electorate, upload the census, issue postal codes, check in person. */
@Named
@ViewScoped
public class ElectorateDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MAX_BYTES = 50L * 1024 * 1024;

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
    private String minAge = "16";
    private String districts = "";
    private boolean byCensus = true;
    private boolean byCode;
    private boolean inPerson = true;
    private transient Part upload;
    private String codeDistrict;
    private String codeCount = "100";
    private List<String> issued = List.of();
    private String username;
    private String district;

    public void load() {
        cycle = id == null ? null : cycles.find(id).orElse(null);
        if (cycle != null) {
            service.electorate(id).ifPresent(e -> {
                minAge = Integer.toString(e.getMinAge());
                districts = String.join("\n", e.getDistricts());
                byCensus = e.isByCensus();
                byCode = e.isByCode();
                inPerson = e.isInPerson();
            });
        }
    }

    public Eligibility.ElectorateView getElectorate() {
        return eligibility.electorate(id).orElse(null);
    }

    public List<String> getDistrictList() {
        return service.electorate(id).map(e -> e.getDistricts()).orElse(List.of());
    }

    public String save() {
        int age;
        try {
            age = Integer.parseInt(minAge.strip());
        } catch (RuntimeException e) {
            age = -1;
        }
        Ui.report(service.defineElectorate(currentUser.actor(), id, age, districts, byCensus, byCode, inPerson),
                "electorate.saved");
        return null;
    }

    public String importCensus() {
        if (upload == null || upload.getSize() == 0 || upload.getSize() > MAX_BYTES) {
            Ui.error("refused.census.empty");
            return null;
        }
        String csv;
        try (InputStream in = upload.getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Ui.error("refused.census.empty");
            return null;
        }
        Result<EligibilityService.Imported> r = service.importCensus(currentUser.actor(), id, csv);
        Ui.report(r, "electorate.uploaded", r.isDone() ? r.value().people() : 0,
                r.isDone() ? r.value().alreadyBound() : 0);
        return null;
    }

    public String issue() {
        int count;
        try {
            count = Integer.parseInt(codeCount.strip());
        } catch (RuntimeException e) {
            count = 0;
        }
        Result<List<String>> r = service.issueCodes(currentUser.actor(), id, codeDistrict, count);
        if (Ui.report(r, "electorate.issued", r.isDone() ? r.value().size() : 0)) {
            issued = r.value();
        }
        return null;
    }

    public String verify() {
        if (Ui.report(verifications.verifyInPerson(currentUser.actor(), id, username, district), "electorate.verified")) {
            username = null;
        }
        return null;
    }

    public boolean isChangeable() {
        return cycle != null && cycle.phase().ordinal() < Phase.VOTE.ordinal();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CycleView getCycle() { return cycle; }
    public String getMinAge() { return minAge; }
    public void setMinAge(String minAge) { this.minAge = minAge; }
    public String getDistricts() { return districts; }
    public void setDistricts(String districts) { this.districts = districts; }
    public boolean isByCensus() { return byCensus; }
    public void setByCensus(boolean byCensus) { this.byCensus = byCensus; }
    public boolean isByCode() { return byCode; }
    public void setByCode(boolean byCode) { this.byCode = byCode; }
    public boolean isInPerson() { return inPerson; }
    public void setInPerson(boolean inPerson) { this.inPerson = inPerson; }
    public Part getUpload() { return upload; }
    public void setUpload(Part upload) { this.upload = upload; }
    public String getCodeDistrict() { return codeDistrict; }
    public void setCodeDistrict(String codeDistrict) { this.codeDistrict = codeDistrict; }
    public String getCodeCount() { return codeCount; }
    public void setCodeCount(String codeCount) { this.codeCount = codeCount; }
    public List<String> getIssued() { return issued; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
}
