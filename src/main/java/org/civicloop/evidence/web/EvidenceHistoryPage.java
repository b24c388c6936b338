package org.civicloop.evidence.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.civicloop.evidence.EvidenceDiff;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceVersion;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/** An item's versions (the published ones; officers see drafts too) and what changed between two of them. */
@Named
@ViewScoped
public class EvidenceHistoryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser currentUser;

    private Long item;
    private Integer from;
    private Integer to;
    private transient EvidenceItem found;
    private transient List<EvidenceVersion> versions;

    public void load() throws IOException {
        found = item == null ? null : evidence.item(item).orElse(null);
        if (found == null || getVersions().isEmpty()) {
            Ui.sendError(404, Ui.text("refused.evidence.unknown"));
            return;
        }
        List<EvidenceVersion> v = getVersions();
        if (to == null) {
            to = v.get(v.size() - 1).getVersionNo();
        }
        if (from == null) {
            from = v.size() > 1 ? v.get(v.size() - 2).getVersionNo() : to;
        }
    }

    public EvidenceItem getItemEntity() {
        return found;
    }

    public List<EvidenceVersion> getVersions() {
        if (versions == null) {
            versions = currentUser.isOfficer() ? evidence.versions(item) : evidence.publishedVersions(item);
        }
        return versions;
    }

    public List<EvidenceDiff.Change> getChanges() {
        if (from == null || to == null || from.equals(to)) {
            return List.of();
        }
        Result<List<EvidenceDiff.Change>> diff = evidence.diff(currentUser.actor(), item, from, to);
        return diff.isDone() ? diff.value() : List.of();
    }

    public Long getItem() { return item; }
    public void setItem(Long item) { this.item = item; }
    public Integer getFrom() { return from; }
    public void setFrom(Integer from) { this.from = from; }
    public Integer getTo() { return to; }
    public void setTo(Integer to) { this.to = to; }
}
