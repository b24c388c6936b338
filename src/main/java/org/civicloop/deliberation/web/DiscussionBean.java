package org.civicloop.deliberation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.deliberation.DiscussionPost;
import org.civicloop.deliberation.DiscussionService;
import org.civicloop.deliberation.PreferenceShift;
import org.civicloop.deliberation.PreferenceShiftService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/** The residents' discussion page: arguments for and against each option, replies, moderation; and both shifts. */
@Named
@ViewScoped
public class DiscussionBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    DiscussionService discussion;
    @Inject
    VotingService voting;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private CycleView cycle;
    private final Map<String, String> drafts = new HashMap<>();
    private final Map<String, String> stances = new HashMap<>();
    private final Map<Long, String> replies = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();

    /** An argument with its replies (both as posts; a hidden post has no body and shows the reason). */
    public record Thread(DiscussionPost post, List<DiscussionPost> replies) {
    }

    /** One option's discussion. */
    public record OptionThreads(CostedOption option, List<Thread> forArguments, List<Thread> againstArguments) {
    }

    public void load() {
        cycle = id == null ? null : cycles.find(id).filter(CycleView::published).orElse(null);
    }

    public List<OptionThreads> getOptions() {
        List<DiscussionPost> posts = discussion.posts(id);
        List<OptionThreads> out = new ArrayList<>();
        for (CostedOption o : voting.options(id)) {
            List<Thread> pro = new ArrayList<>();
            List<Thread> con = new ArrayList<>();
            for (DiscussionPost p : posts) {
                if (!p.getOptionCode().equals(o.getCode()) || p.getParentId() != null) {
                    continue;
                }
                List<DiscussionPost> rs = posts.stream().filter(r -> p.getId().equals(r.getParentId())).toList();
                (p.getStance() == DiscussionPost.Stance.FOR ? pro : con).add(new Thread(p, rs));
            }
            out.add(new OptionThreads(o, pro, con));
        }
        return out;
    }

    public String post(String optionCode) {
        String stance = stances.getOrDefault(optionCode, "FOR");
        if (Ui.report(discussion.post(currentUser.actor(), id, optionCode, DiscussionPost.Stance.valueOf(stance),
                null, drafts.get(optionCode)), "discussion.posted")) {
            drafts.remove(optionCode);
        }
        return null;
    }

    public String reply(long parentId, String optionCode) {
        if (Ui.report(discussion.post(currentUser.actor(), id, optionCode, DiscussionPost.Stance.REPLY, parentId,
                replies.get(parentId)), "discussion.posted")) {
            replies.remove(parentId);
        }
        return null;
    }

    public String hide(long postId) {
        if (Ui.report(discussion.hide(currentUser.actor(), postId, reasons.get(postId)), "discussion.hiddenDone")) {
            reasons.remove(postId);
        }
        return null;
    }

    public PreferenceShift getJuryShift() {
        return shifts.shift(id);
    }

    public PreferenceShift getResidentsShift() {
        return shifts.residentsShift(id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CycleView getCycle() { return cycle; }
    public Map<String, String> getDrafts() { return drafts; }
    public Map<String, String> getStances() { return stances; }
    public Map<Long, String> getReplies() { return replies; }
    public Map<Long, String> getReasons() { return reasons; }
}
