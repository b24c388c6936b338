package org.civicloop.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.proposal.ProposalDraft;
import org.civicloop.proposal.ProposalNotice;
import org.civicloop.proposal.ProposalService;
import org.civicloop.proposal.ProposalSetting;

/** A cycle's residents' proposals: the list with supports and fates, proposing, supporting, the author's notices. */
@Named
@ViewScoped
public class ProposalsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;
    @Inject
    ProposalService proposals;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private Cycle cycle;
    private String title;
    private String description;
    private String district;
    private String roughCost;
    private String latitude;
    private String longitude;
    private String credit;

    public void load() {
        cycle = id == null ? null : cycles.findPublished(id).orElse(null);
    }

    public List<ProposalService.Listed> getProposals() {
        return proposals.proposals(id);
    }

    public boolean isAccepting() {
        return proposals.accepting(id);
    }

    public List<String> getDistricts() {
        return proposals.setting(id).map(ProposalSetting::getDistricts).orElse(List.of());
    }

    public boolean supports(long proposalId) {
        return currentUser.isSignedIn() && proposals.supports(currentUser.getUsername(), proposalId);
    }

    /** The signed-in person's notices about their proposals in this cycle. */
    public List<ProposalNotice> getNotices() {
        if (!currentUser.isSignedIn()) {
            return List.of();
        }
        List<Long> mine = getProposals().stream().map(l -> l.proposal().getId()).toList();
        return proposals.notices(currentUser.getUsername()).stream().filter(n -> mine.contains(n.getProposalId()))
                .toList();
    }

    public String propose() {
        Long cost = AssessmentDesk.whole(roughCost);
        Double lat = decimal(latitude);
        Double lon = decimal(longitude);
        if (lat != null && Double.isNaN(lat) || lon != null && Double.isNaN(lon)) {
            Ui.error("refused.proposal.point");
            return null;
        }
        if (Ui.report(proposals.propose(currentUser.actor(), id, new ProposalDraft(title, description, district,
                cost == null ? 0 : cost, lat, lon, credit)), "proposals.submitted")) {
            title = null;
            description = null;
            roughCost = null;
            latitude = null;
            longitude = null;
            credit = null;
        }
        return null;
    }

    /** A decimal as typed (a comma or a point), null when blank, NaN when not a number. */
    static Double decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(',', '.');
        return t.matches("-?[0-9]{1,3}(\\.[0-9]{1,8})?") ? Double.valueOf(t) : Double.NaN;
    }

    public String support(long proposalId) {
        Ui.report(proposals.support(currentUser.actor(), proposalId), "proposals.supportedDone");
        return null;
    }

    public String withdraw(long proposalId) {
        Ui.report(proposals.withdrawSupport(currentUser.actor(), proposalId), "proposals.withdrawnDone");
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getRoughCost() { return roughCost; }
    public void setRoughCost(String roughCost) { this.roughCost = roughCost; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public String getCredit() { return credit; }
    public void setCredit(String credit) { this.credit = credit; }
}
