package org.civicloop.proposal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Result;

/**
 * The rules of proposals that need no database: what a valid proposal, district list and assessment look like, and
 * when proposals are accepted. Each check answers the message key of the first thing wrong, or nothing.
 */
public final class ProposalRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int CREDIT_MAX = 100;
    public static final int DISTRICT_MAX = 100;
    public static final int DISTRICTS_MAX = 20;
    public static final int REASON_MAX = 2000;
    public static final int SERVICE_MAX = 200;
    public static final int MODERATION_MAX = 500;
    public static final long COST_MAX = 1_000_000_000_000L;

    private ProposalRules() {
    }

    /** Proposals and supports are accepted while the officer has opened the step and the jury has not begun to learn. */
    public static boolean acceptingIn(Phase phase) {
        return phase == Phase.AUTHORISE || phase == Phase.RECRUIT;
    }

    /** Officers merge, assess and select until the vote opens (options are frozen from then on). */
    public static boolean assessableIn(Phase phase) {
        return !phase.atLeast(Phase.VOTE);
    }

    /** The draft with its texts stripped and blanks as null. */
    public static ProposalDraft normalised(ProposalDraft d) {
        return new ProposalDraft(strip(d.title()), strip(d.description()), strip(d.district()), d.roughCost(),
                d.latitude(), d.longitude(), strip(d.credit()));
    }

    /** Checks a normalised draft against the cycle's districts. */
    public static Optional<String> check(ProposalDraft d, List<String> districts) {
        if (d.title() == null || d.title().length() > TITLE_MAX) {
            return Optional.of("refused.proposal.title");
        }
        if (d.description() == null || d.description().length() > DESCRIPTION_MAX) {
            return Optional.of("refused.proposal.description");
        }
        if (d.district() == null || !districts.contains(d.district())) {
            return Optional.of("refused.proposal.district");
        }
        if (d.roughCost() <= 0 || d.roughCost() > COST_MAX) {
            return Optional.of("refused.proposal.cost");
        }
        if ((d.latitude() == null) != (d.longitude() == null)
                || d.latitude() != null && (!(Math.abs(d.latitude()) <= 90) || !(Math.abs(d.longitude()) <= 180))) {
            return Optional.of("refused.proposal.point");
        }
        if (d.credit() != null && d.credit().length() > CREDIT_MAX) {
            return Optional.of("refused.proposal.credit");
        }
        return Optional.empty();
    }

    /** The districts as an officer lists them (one a line or comma-separated), or empty when the list is unusable. */
    public static Optional<List<String>> districts(String text) {
        if (text == null) {
            return Optional.empty();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : text.split("[\\n,]")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() > DISTRICT_MAX) {
                return Optional.empty();
            }
            out.add(s);
        }
        if (out.isEmpty() || out.size() > DISTRICTS_MAX) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(out));
    }

    /**
     * Checks an assessment: a feasible proposal needs the delivering service's costed estimate and the service; an
     * unfeasible one needs the reason (it stays public with it).
     */
    public static Optional<String> checkAssessment(boolean feasible, String reason, Long estimate, String service) {
        if (reason != null && reason.length() > REASON_MAX) {
            return Optional.of("refused.assessment.reason");
        }
        if (service != null && service.length() > SERVICE_MAX) {
            return Optional.of("refused.assessment.service");
        }
        if (!feasible) {
            return reason == null ? Optional.of("refused.assessment.reason") : Optional.empty();
        }
        if (estimate == null || estimate <= 0 || estimate > COST_MAX) {
            return Optional.of("refused.assessment.estimate");
        }
        if (service == null) {
            return Optional.of("refused.assessment.service");
        }
        return Optional.empty();
    }

    /**
     * A public reason for hiding or reporting something as stored (stripped), or null when it is missing or longer
     * than {@link #MODERATION_MAX} characters.
     */
    static String moderationReason(String reason) {
        String r = strip(reason);
        return r == null || r.length() > MODERATION_MAX ? null : r;
    }

    /**
     * Whether someone may report a proposal or a comment to the moderators: once per account ({@code reportedBefore}
     * asks the database only when everything else is right), with a reason of at most {@link #MODERATION_MAX}
     * characters, and not once it is hidden. Answers the reason as stored, or the refusal: {@code keys} is the
     * first part of its message keys ({@code refused.flag} for proposals: {@code .reason}, {@code .hidden},
     * {@code .already}).
     */
    static Result<String> reportReason(String reason, boolean hidden, String keys,
                                                          BooleanSupplier reportedBefore) {
        String r = moderationReason(reason);
        if (r == null) {
            return Result.refused(keys + ".reason");
        }
        if (hidden) {
            return Result.refused(keys + ".hidden");
        }
        if (reportedBefore.getAsBoolean()) {
            return Result.refused(keys + ".already");
        }
        return Result.done(r);
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
