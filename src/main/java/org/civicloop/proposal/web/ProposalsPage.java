package org.civicloop.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.proposal.PhotoImage;
import org.civicloop.proposal.ProposalDraft;
import org.civicloop.proposal.ProposalPhotos;
import org.civicloop.proposal.ProposalNotice;
import org.civicloop.proposal.ProposalService;
import org.civicloop.proposal.ProposalSetting;
import org.civicloop.proposal.ProposalSupports;

/** A cycle's residents' proposals: the list with supports and fates, proposing, supporting, the author's notices. */
@Named
@ViewScoped
public class ProposalsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    ProposalService proposals;
    @Inject
    ProposalSupports supportsOf;
    @Inject
    CurrentUser currentUser;
    @Inject
    PhotoOf photoOf;

    private Long id;
    private CycleView cycle;
    private String title;
    private String description;
    private String district;
    private String roughCost;
    private String latitude;
    private String longitude;
    private String credit;
    private boolean mailUpdates;
    private transient Part photo;
    private String photoAlt;
    private String q;
    private String filterDistrict;
    private String sort;
    private String page;
    private transient ProposalService.Page results;
    private transient Boolean accepting;
    private transient Result.Refused<ProposalService.Page> refusal;
    private transient List<String> districts;
    private transient java.util.Set<Long> supported;
    private transient List<ProposalNotice> notices;

    public void load() {
        cycle = id == null ? null : cycles.findPublished(id).orElse(null);
    }

    /** The page of proposals asked for (search words, district, order, page), read once per request. */
    public ProposalService.Page getResults() {
        if (results == null && id != null) {
            Integer n = page == null || !page.strip().matches("[0-9]{1,6}") ? null : Integer.valueOf(page.strip());
            if (page != null && !page.isBlank() && n == null) {
                n = 0; // refused below, with the message
            }
            var found = proposals.search(id, new ProposalService.Query(q, blankToNull(filterDistrict), sort, n, null));
            refusal = found instanceof Result.Refused<ProposalService.Page> r ? r : null;
            if (refusal != null) {
                found = proposals.search(id, ProposalService.Query.all());
            }
            results = found.value();
        }
        return results;
    }

    public List<ProposalService.Listed> getProposals() {
        ProposalService.Page r = getResults();
        List<ProposalService.Listed> items = r == null ? List.of() : r.items();
        photoOf.load(items.stream().map(l -> l.proposal().getId()).toList());
        return items;
    }

    /** Why the list asked for was refused (in the reader's language), or null; the whole list is shown instead. */
    public String getRefusal() {
        getResults();
        return refusal == null ? null : refusal.message(Ui.locale());
    }

    /** Whether the list is narrowed by words or a district. */
    public boolean isSearching() {
        return q != null && !q.isBlank() || filterDistrict != null && !filterDistrict.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Whether the cycle takes proposals and supports now (read once per request: every card asks). */
    public boolean isAccepting() {
        if (accepting == null) {
            accepting = proposals.accepting(id);
        }
        return accepting;
    }

    public List<String> getDistricts() {
        if (districts == null) {
            districts = proposals.setting(id).map(ProposalSetting::getDistricts).orElse(List.of());
        }
        return districts;
    }

    /** Forgets what was read for this request, after a change. */
    private void changed() {
        results = null;
        accepting = null;
        supported = null;
    }

    /** Whether the signed-in person supports this proposal of the page (one query for the whole page). */
    public boolean supports(long proposalId) {
        if (!currentUser.isSignedIn()) {
            return false;
        }
        if (supported == null) {
            supported = supportsOf.supportedAmong(currentUser.getUsername(),
                    getProposals().stream().map(l -> l.proposal().getId()).toList());
        }
        return supported.contains(proposalId);
    }

    /** The signed-in person's notices about their proposals in this cycle (read once per request). */
    public List<ProposalNotice> getNotices() {
        if (notices == null) {
            notices = currentUser.isSignedIn() && id != null ? proposals.notices(currentUser.getUsername(), id)
                    : List.of();
        }
        return notices;
    }

    public String propose() {
        Long cost = AssessmentDesk.whole(roughCost);
        Double lat = decimal(latitude);
        Double lon = decimal(longitude);
        if (lat != null && Double.isNaN(lat) || lon != null && Double.isNaN(lon)) {
            Ui.error("refused.proposal.point");
            return null;
        }
        ProposalPhotos.Upload upload = null;
        if (photo != null && photo.getSize() > 0) {
            byte[] bytes;
            try (InputStream in = photo.getInputStream()) {
                bytes = in.readNBytes(PhotoImage.MAX_BYTES + 1);
            } catch (IOException e) {
                bytes = new byte[0];
            }
            Result<ProposalPhotos.Upload> checked = ProposalPhotos.check(bytes, photoAlt);
            if (!Ui.report(checked, null)) {
                return null;
            }
            upload = checked.value();
        }
        if (Ui.report(proposals.propose(currentUser.actor(), id, new ProposalDraft(title, description, district,
                cost == null ? 0 : cost, lat, lon, credit), mailUpdates, upload), "proposals.submitted")) {
            changed();
            title = null;
            description = null;
            roughCost = null;
            latitude = null;
            longitude = null;
            credit = null;
            mailUpdates = false;
            photo = null;
            photoAlt = null;
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
        changed();
        Ui.report(supportsOf.support(currentUser.actor(), proposalId), "proposals.supportedDone");
        return null;
    }

    public String withdraw(long proposalId) {
        changed();
        Ui.report(supportsOf.withdrawSupport(currentUser.actor(), proposalId), "proposals.withdrawnDone");
        return null;
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getFilterDistrict() { return filterDistrict; }
    public void setFilterDistrict(String filterDistrict) { this.filterDistrict = filterDistrict; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CycleView getCycle() { return cycle; }
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
    public Part getPhoto() { return photo; }
    public void setPhoto(Part photo) { this.photo = photo; }
    public String getPhotoAlt() { return photoAlt; }
    public void setPhotoAlt(String photoAlt) { this.photoAlt = photoAlt; }
    public boolean isMailUpdates() { return mailUpdates; }
    public void setMailUpdates(boolean mailUpdates) { this.mailUpdates = mailUpdates; }
}
