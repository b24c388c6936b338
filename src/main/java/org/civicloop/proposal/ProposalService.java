package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.Budget;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * Residents' proposals: officers open a cycle's proposals step (AUTHORISE or RECRUIT), residents propose and support,
 * officers merge duplicates, assess each proposal and select feasible ones as budget options (through
 * {@link VotingService#defineOption}), and moderate. Every change is audited; residents are chained as pseudonyms.
 * <p>
 * What other capabilities may use: {@link #proposals}, {@link #originOf} (which proposal an option came from).
 */
@ApplicationScoped
public class ProposalService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;
    @Inject
    Budgets budgets;
    @Inject
    Cycles cycles;
    @Inject
    EligibilityCheck eligibility;
    @Inject
    ProposalNotices notices;
    @Inject
    ProposalWords words;

    static String salt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------- the step

    /**
     * An officer opens (or re-opens) the cycle's proposals step with its districts, one a line or comma-separated,
     * or closes it; proposals are accepted while it is open and the cycle is in AUTHORISE or RECRUIT.
     */
    @Transactional
    public Result<ProposalSetting> setAccepting(Actor actor, long cycleId, boolean accepting, String districts) {
        Result<CycleView> found = cycles.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (!ProposalRules.acceptingIn(found.value().phase())) {
            return Result.refused("refused.proposals.phase");
        }
        ProposalSetting setting = em.find(ProposalSetting.class, cycleId);
        List<String> list;
        if (districts == null && setting != null) {
            list = setting.getDistricts();
        } else {
            Optional<List<String>> parsed = ProposalRules.districts(districts);
            if (parsed.isEmpty()) {
                return Result.refused("refused.proposals.districts");
            }
            list = parsed.get();
        }
        String before = setting == null ? null : audit.digestOf("proposal_setting", cycleId);
        if (setting == null) {
            setting = new ProposalSetting(cycleId);
            setting.set(accepting, list, actor.username(), clock.instant());
            em.persist(setting);
        } else {
            setting.set(accepting, list, actor.username(), clock.instant());
        }
        em.flush();
        audit.record(actor, accepting ? "proposal.stepOpened" : "proposal.stepClosed", "proposal_setting", cycleId,
                before, "cycle=" + cycleId + " districts=" + list.size());
        return Result.done(setting);
    }

    public Optional<ProposalSetting> setting(long cycleId) {
        return fresh(em.createQuery("SELECT s FROM ProposalSetting s WHERE s.id = :c", ProposalSetting.class)
                .setParameter("c", cycleId)).getResultList().stream().findFirst();
    }

    /**
     * Reads rows as stored now: outside a transaction the server may keep one persistence context for a whole
     * request, so a page that changes a proposal and then shows it again would otherwise show it as it was read
     * before the change.
     */
    private static <T> jakarta.persistence.TypedQuery<T> fresh(jakarta.persistence.TypedQuery<T> q) {
        return q.setHint("eclipselink.refresh", "true");
    }

    /** Whether residents can propose and support in this cycle now. */
    public boolean accepting(long cycleId) {
        // Read in one statement, so never from an entity the request loaded before a change.
        Cycles.CastingRules cycle = cycles.castingRules(cycleId).orElse(null);
        ProposalSetting s = setting(cycleId).orElse(null);
        return cycle != null && cycle.published() && s != null && s.isAccepting()
                && ProposalRules.acceptingIn(cycle.phase());
    }

    // ---------------------------------------------------------------- residents

    /**
     * A resident proposes something for the cycle's budget. In a cycle with an electorate only accounts verified for
     * it propose, and a proposal for one of the electorate's districts only from a resident verified in it.
     */
    @Transactional
    public Result<Proposal> propose(Actor actor, long cycleId, ProposalDraft draft) {
        return propose(actor, cycleId, draft, false);
    }

    /** As {@link #propose(Actor, long, ProposalDraft)}; {@code mailUpdates}: e-mail the author each notice. */
    @Transactional
    public Result<Proposal> propose(Actor actor, long cycleId, ProposalDraft draft, boolean mailUpdates) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        if (!cycles.castingRules(cycleId).map(Cycles.CastingRules::published).orElse(false)) {
            return Result.refused("refused.cycle.unknown");
        }
        if (!accepting(cycleId)) {
            return Result.refused("refused.proposals.closed");
        }
        if (draft == null) {
            return Result.refused("refused.proposal.title");
        }
        ProposalDraft d = ProposalRules.normalised(draft);
        EligibilityCheck.Verdict eligible = eligibility.check(actor.username(), cycleId, d.district());
        if (!eligible.allowed()) {
            return Result.refused(eligible.district() == null ? eligible.refusal()
                    : "refused.eligibility.proposeDistrict", d.district(), String.valueOf(eligible.district()));
        }
        Optional<String> wrong = ProposalRules.check(d, setting(cycleId).orElseThrow().getDistricts());
        if (wrong.isPresent()) {
            return Result.refused(wrong.get());
        }
        Proposal p = new Proposal(cycleId, d, actor.username(), clock.instant());
        em.persist(p);
        em.flush();
        ProposalStats st = new ProposalStats(p);
        em.persist(st);
        words.index(cycleId, p.getId(), st.getWords());
        audit.record(actor, "proposal.submitted", "proposal", p.getId(), null, "cycle=" + cycleId);
        if (mailUpdates) {
            em.persist(new ProposalMailOptIn(p.getId(), clock.instant()));
            em.flush();
            audit.record(actor, "proposal.mailOptedIn", "proposal_mail_opt_in", p.getId(), null,
                    "proposal=" + p.getId());
        }
        return Result.done(p);
    }

    /** A resident supports a proposal, once (supporting again after withdrawing counts again). */
    @Transactional
    public Result<Proposal> support(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!accepting(p.getCycleId())) {
            return Result.refused("refused.proposals.closed");
        }
        if (p.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.support.merged", String.valueOf(p.getMergedInto()));
        }
        if (p.isHidden()) {
            return Result.refused("refused.support.hidden");
        }
        EligibilityCheck.Verdict eligible = eligibility.check(actor.username(), p.getCycleId(), p.getDistrict());
        if (!eligible.allowed()) {
            return Result.refused(eligible.refusal(), p.getDistrict(), String.valueOf(eligible.district()));
        }
        ProposalSupport s = supportOf(proposalId, actor.username());
        if (s != null && s.isActive()) {
            return Result.refused("refused.support.already");
        }
        if (s == null) {
            s = new ProposalSupport(proposalId, actor.username(), clock.instant());
            em.persist(s);
            em.flush();
            audit.record(actor, "proposal.supported", "proposal_support", s.getId(), null, "proposal=" + proposalId);
        } else {
            String before = audit.digestOf("proposal_support", s.getId());
            s.renew(clock.instant());
            em.flush();
            audit.record(actor, "proposal.supported", "proposal_support", s.getId(), before, "proposal=" + proposalId);
        }
        recount(proposalId);
        return Result.done(p);
    }

    /** A resident withdraws their support (while proposals are accepted). */
    @Transactional
    public Result<Proposal> withdrawSupport(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!accepting(p.getCycleId())) {
            return Result.refused("refused.proposals.closed");
        }
        ProposalSupport s = supportOf(proposalId, actor.username());
        if (s == null || !s.isActive()) {
            return Result.refused("refused.support.none");
        }
        String before = audit.digestOf("proposal_support", s.getId());
        s.withdraw(clock.instant());
        em.flush();
        audit.record(actor, "proposal.supportWithdrawn", "proposal_support", s.getId(), before,
                "proposal=" + proposalId);
        recount(proposalId);
        if (p.getMergedInto() != null) {
            recount(p.getMergedInto());
        }
        return Result.done(p);
    }

    /** Anyone signed in reports a proposal to the moderators, once, with a reason. */
    @Transactional
    public Result<ProposalReport> report(Actor actor, long proposalId, String reason) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        String r = ProposalRules.strip(reason);
        if (r == null || r.length() > ProposalRules.MODERATION_MAX) {
            return Result.refused("refused.flag.reason");
        }
        if (p.isHidden()) {
            return Result.refused("refused.flag.hidden");
        }
        Long already = em.createQuery("SELECT COUNT(r) FROM ProposalReport r WHERE r.proposalId = :p"
                + " AND r.reporter = :a", Long.class).setParameter("p", proposalId)
                .setParameter("a", actor.username()).getSingleResult();
        if (already > 0) {
            return Result.refused("refused.flag.already");
        }
        ProposalReport report = new ProposalReport(proposalId, actor.username(), r, clock.instant());
        em.persist(report);
        em.flush();
        audit.record(actor, "proposal.reported", "proposal_report", report.getId(), null, "proposal=" + proposalId);
        return Result.done(report);
    }

    // ---------------------------------------------------------------- officers

    /**
     * An officer merges a duplicate into another proposal of the same cycle: the duplicate's supports count for the
     * other (each account once), proposals merged into the duplicate earlier move along; the authors of the merged
     * proposals and of the one they join are told (in the app, and by e-mail if they asked).
     */
    @Transactional
    public Result<Proposal> merge(Actor actor, long duplicateId, long intoId) {
        Result<Proposal[]> pair = officerPair(actor, duplicateId, intoId);
        if (!pair.isDone()) {
            return pair.map(x -> null);
        }
        Proposal dup = pair.value()[0];
        Proposal into = pair.value()[1];
        if (dup.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.merge.selected");
        }
        if (into.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.merge.targetMerged", String.valueOf(into.getMergedInto()));
        }
        if (into.isHidden()) {
            return Result.refused("refused.merge.targetHidden");
        }
        List<Proposal> children = em.createQuery("SELECT p FROM Proposal p WHERE p.mergedInto = :d ORDER BY p.id",
                Proposal.class).setParameter("d", duplicateId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Proposal child : children) {
            String before = audit.digestOf("proposal", child.getId());
            child.mergeInto(intoId);
            em.flush();
            audit.record(actor, "proposal.merged", "proposal", child.getId(), before, "into=" + intoId);
            tell(child, ProposalNotice.Kind.MERGED);
        }
        String before = audit.digestOf("proposal", duplicateId);
        dup.mergeInto(intoId);
        em.flush();
        audit.record(actor, "proposal.merged", "proposal", duplicateId, before, "into=" + intoId);
        recount(duplicateId);
        recount(intoId);
        tell(dup, ProposalNotice.Kind.MERGED);
        if (!into.getAuthor().equals(dup.getAuthor())) {
            tell(into, ProposalNotice.Kind.MERGED_IN);
        }
        return Result.done(dup);
    }

    /**
     * An officer records the assessment: feasible, with the delivering service's costed estimate (and optionally a
     * note), or unfeasible, with the reason published beside it. It may be revised until it is selected.
     */
    @Transactional
    public Result<Proposal> assess(Actor actor, long proposalId, boolean feasible, String reason, Long estimate,
                                   String service) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.assessment.merged", String.valueOf(p.getMergedInto()));
        }
        if (p.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.assessment.selected");
        }
        String r = ProposalRules.strip(reason);
        String s = ProposalRules.strip(service);
        Optional<String> wrong = ProposalRules.checkAssessment(feasible, r, estimate, s);
        if (wrong.isPresent()) {
            return Result.refused(wrong.get());
        }
        String before = audit.digestOf("proposal", proposalId);
        p.assess(feasible, r, estimate, s, actor.username(), clock.instant());
        em.flush();
        audit.record(actor, "proposal.assessed", "proposal", proposalId, before,
                feasible ? "feasible estimate=" + estimate : "unfeasible");
        tell(p, feasible ? ProposalNotice.Kind.FEASIBLE : ProposalNotice.Kind.UNFEASIBLE);
        return Result.done(p);
    }

    /**
     * An officer selects a feasible proposal as a budget option of its cycle under {@code code}: the option is
     * defined by the voting capability with the proposal's title and description and the estimate as its cost; the
     * proposal records the option's code, and its author is told. A proposal for a district with a district budget
     * becomes an option of that budget; any other, of the city-wide budget.
     */
    @Transactional
    public Result<Proposal> select(Actor actor, long proposalId, String code) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.getStatus() != Proposal.Status.FEASIBLE) {
            return Result.refused("refused.selection.notFeasible");
        }
        if (p.isHidden()) {
            return Result.refused("refused.selection.hidden");
        }
        // a district's proposal lands in its district's budget, when the cycle has one
        String budget = budgets.ofDistrict(p.getCycleId(), p.getDistrict()).map(Budget::code).orElse(Budget.CITY);
        Result<BudgetOption> option = voting.defineOption(actor, p.getCycleId(), budget, code, p.titleAsWritten(),
                p.descriptionAsWritten(), p.getEstimate());
        if (option instanceof Result.Refused<BudgetOption> refused) {
            return new Result.Refused<>(refused.key(), refused.args());
        }
        String before = audit.digestOf("proposal", proposalId);
        p.select(option.value().getCode());
        em.flush();
        audit.record(actor, "proposal.selected", "proposal", proposalId, before, "option=" + p.getOptionCode());
        tell(p, ProposalNotice.Kind.SELECTED);
        return Result.done(p);
    }

    /** An officer hides a proposal; it stays listed with the public reason, and its author is told. */
    @Transactional
    public Result<Proposal> hide(Actor actor, long proposalId, String reason) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.isHidden()) {
            return Result.refused("refused.moderation.already");
        }
        if (p.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.moderation.selected", p.getOptionCode());
        }
        String r = ProposalRules.strip(reason);
        if (r == null || r.length() > ProposalRules.MODERATION_MAX) {
            return Result.refused("refused.moderation.reason");
        }
        String before = audit.digestOf("proposal", proposalId);
        p.hide(r, actor.username(), clock.instant());
        em.flush();
        stats(proposalId).setWords(" ");
        words.remove(proposalId);
        audit.record(actor, "proposal.hidden", "proposal", proposalId, before, r);
        tell(p, ProposalNotice.Kind.HIDDEN);
        return Result.done(p);
    }

    private Result<Proposal> officerProposal(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!ProposalRules.assessableIn(cycles.phaseOf(p.getCycleId()))) {
            return Result.refused("refused.assessment.phase");
        }
        return Result.done(p);
    }

    private Result<Proposal[]> officerPair(Actor actor, long duplicateId, long intoId) {
        Result<Proposal> dup = officerProposal(actor, duplicateId);
        if (!dup.isDone()) {
            return dup.map(x -> null);
        }
        if (duplicateId == intoId) {
            return Result.refused("refused.merge.same");
        }
        Proposal into = em.find(Proposal.class, intoId, LockModeType.PESSIMISTIC_WRITE);
        if (into == null || !into.getCycleId().equals(dup.value().getCycleId())) {
            return Result.refused("refused.merge.target");
        }
        if (dup.value().getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.merge.already", String.valueOf(dup.value().getMergedInto()));
        }
        return Result.done(new Proposal[]{dup.value(), into});
    }

    /** The proposal's derived row, locked until commit (recounts of one proposal run one after another). */
    private ProposalStats stats(long proposalId) {
        ProposalStats st = em.find(ProposalStats.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (st == null) {
            st = new ProposalStats(em.find(Proposal.class, proposalId));
            em.persist(st);
        }
        return st;
    }

    /**
     * Stores a proposal's supports counted now, in the transaction that changed them: distinct accounts actively
     * supporting it or a proposal merged into it (what {@link SupportTally} counts). The stats row is locked first,
     * so a concurrent change to the same count waits and then counts with this one's rows committed.
     */
    private void recount(long proposalId) {
        ProposalStats st = stats(proposalId);
        em.flush();
        Long n = em.createQuery("SELECT COUNT(DISTINCT s.account) FROM ProposalSupport s, Proposal p"
                + " WHERE s.proposalId = p.id AND (p.id = :p OR p.mergedInto = :p) AND s.withdrawnAt IS NULL",
                Long.class).setParameter("p", proposalId).getSingleResult();
        st.setSupports(n.intValue());
        em.flush();
    }

    private void tell(Proposal p, ProposalNotice.Kind kind) {
        notices.tell(p, kind);
    }

    private ProposalSupport supportOf(long proposalId, String account) {
        List<ProposalSupport> found = fresh(em.createQuery("SELECT s FROM ProposalSupport s WHERE s.proposalId = :p"
                + " AND s.account = :a", ProposalSupport.class).setParameter("p", proposalId)
                .setParameter("a", account)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    // ---------------------------------------------------------------- queries

    /** A proposal as the public sees it, with its supports (merged duplicates' carried over, each account once). */
    public record Listed(Proposal proposal, int supports) {
    }

    /** The cycle's proposals, most supported first (then oldest first): every one, for the officers' desk. */
    public List<Listed> proposals(long cycleId) {
        List<Long> ids = em.createQuery("SELECT s.id FROM ProposalStats s WHERE s.cycleId = :c"
                + " ORDER BY s.supports DESC, s.id", Long.class).setParameter("c", cycleId).getResultList();
        return listed(ids);
    }

    /** How a list of proposals is ordered: most supported first, or newest first. */
    public enum Sort { SUPPORTS, NEWEST }

    /** Most proposals on one page of a list. */
    public static final int PAGE_SIZE_MAX = 100;
    /** Proposals on a page when the caller does not say. */
    public static final int PAGE_SIZE_DEFAULT = 20;

    /** What a list asks for: search words, a district, the order, the page (from 1) and its size. */
    public record Query(String q, String district, String sort, Integer page, Integer size) {
        public static Query all() {
            return new Query(null, null, null, null, null);
        }
    }

    /** One page of a list: its proposals, how many match in all, the page (from 1), its size, the pages in all. */
    public record Page(List<Listed> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * A page of the cycle's proposals matching the query: every search term must start a word of the title or the
     * description (case and accents ignored, see {@link ProposalSearch}); in one district if asked; most supported
     * or newest first. Hidden proposals stay listed (without their words, so a search does not find them). Refused
     * with a message naming what is wrong: a query over 200 characters or 8 words, a district the cycle does not
     * have, an unknown order, a page below 1 or a size outside 1 to 100.
     */
    public Result<Page> search(long cycleId, Query query) {
        Optional<List<String>> terms = ProposalSearch.terms(query.q());
        if (terms.isEmpty()) {
            return Result.refused("refused.proposals.search", String.valueOf(ProposalSearch.QUERY_MAX),
                    String.valueOf(ProposalSearch.TERMS_MAX));
        }
        String district = ProposalRules.strip(query.district());
        if (district != null && !setting(cycleId).map(ProposalSetting::getDistricts).orElse(List.of())
                .contains(district)) {
            return Result.refused("refused.proposals.filterDistrict", district);
        }
        Sort sort;
        String sortText = ProposalRules.strip(query.sort());
        if (sortText == null || sortText.equalsIgnoreCase("supports")) {
            sort = Sort.SUPPORTS;
        } else if (sortText.equalsIgnoreCase("newest")) {
            sort = Sort.NEWEST;
        } else {
            return Result.refused("refused.proposals.sort");
        }
        int page = query.page() == null ? 1 : query.page();
        int size = query.size() == null ? PAGE_SIZE_DEFAULT : query.size();
        if (page < 1 || size < 1 || size > PAGE_SIZE_MAX) {
            return Result.refused("refused.proposals.paging", String.valueOf(PAGE_SIZE_MAX));
        }
        // one statement, the same SQL on every database: the cycle's rows through an index (the order's, the
        // district's, or for a search each term's range of the words index), ids only; the page is cut here
        List<Object> params = new java.util.ArrayList<>();
        params.add(cycleId);
        StringBuilder where = new StringBuilder(" FROM proposal_stats s WHERE s.cycle_id = ?1");
        if (district != null) {
            params.add(district);
            where.append(" AND s.district = ?").append(params.size());
        }
        for (String term : terms.get()) {
            where.append(" AND ").append(ProposalWords.condition(term, 1, params));
        }
        String order = sort == Sort.SUPPORTS ? " ORDER BY s.supports DESC, s.id"
                : " ORDER BY s.created_at DESC, s.id DESC";
        long total;
        List<Long> pageIds;
        if (terms.get().isEmpty()) {
            // an index gives the order and the count: count, then read one page
            total = ((Number) native_(("SELECT COUNT(*)" + where), params).getSingleResult()).longValue();
            pageIds = ((long) (page - 1) * size >= total) ? List.of()
                    : ids(native_("SELECT s.id" + where + order, params).setFirstResult((page - 1) * size)
                            .setMaxResults(size).getResultList());
        } else {
            // a search reads every match's id once, in order: the count is their number
            List<Long> all = ids(native_("SELECT s.id" + where + order, params).getResultList());
            total = all.size();
            int from = (int) Math.min(total, (long) (page - 1) * size);
            pageIds = all.subList(from, (int) Math.min(total, from + (long) size));
        }
        return Result.done(new Page(listed(pageIds), total, page, size));
    }

    private jakarta.persistence.Query native_(String sql, List<Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /** These proposals as stored now with their stored supports, in this order. */
    private List<Listed> listed(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Proposal> byId = new java.util.HashMap<>();
        Map<Long, Integer> supports = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            fresh(em.createQuery("SELECT p FROM Proposal p WHERE p.id IN :ids", Proposal.class)
                    .setParameter("ids", chunk)).getResultList().forEach(p -> byId.put(p.getId(), p));
            em.createQuery("SELECT s.id, s.supports FROM ProposalStats s WHERE s.id IN :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(r -> supports.put((Long) r[0], ((Number) r[1]).intValue()));
        }
        return ids.stream().filter(byId::containsKey)
                .map(id -> new Listed(byId.get(id), supports.getOrDefault(id, 0))).toList();
    }

    /** Supports counted from the rows now (not the stored counts): for checking the stored ones. */
    Map<Long, Integer> supportCounts(long cycleId) {
        List<Object[]> rows = em.createQuery("SELECT p.id, p.mergedInto, s.account FROM ProposalSupport s, Proposal p"
                + " WHERE s.proposalId = p.id AND p.cycleId = :c AND s.withdrawnAt IS NULL", Object[].class)
                .setParameter("c", cycleId).getResultList();
        return SupportTally.count(rows.stream()
                .map(r -> new SupportTally.Support((Long) r[0], (Long) r[1], (String) r[2])).toList());
    }

    public Optional<Listed> proposal(long proposalId) {
        return listed(List.of(proposalId)).stream().findFirst();
    }

    /** A proposal (e.g. as a use case answered it) with its stored supports. */
    public Listed listed(Proposal p) {
        return listed(List.of(p.getId())).stream().findFirst().orElse(new Listed(p, 0));
    }

    /**
     * Fills the search words, and their rows in the words index, of proposals stored before they were kept (the
     * migrations that added them cannot strip accents in SQL: they leave the words NULL); runs at start-up, a batch
     * per transaction.
     */
    @Transactional
    public int fillMissingWords(int batch) {
        List<ProposalStats> missing = em.createQuery("SELECT s FROM ProposalStats s WHERE s.words IS NULL",
                ProposalStats.class).setMaxResults(batch).getResultList();
        for (ProposalStats st : missing) {
            Proposal p = em.find(Proposal.class, st.getId());
            st.setWords(p.isHidden() ? " " : ProposalSearch.words(p.titleAsWritten(), p.descriptionAsWritten()));
            words.remove(st.getId());
            words.index(p.getCycleId(), st.getId(), st.getWords());
        }
        return missing.size();
    }

    /** The cycle a proposal belongs to, if it exists. */
    public Optional<Long> cycleOf(long proposalId) {
        return em.createQuery("SELECT p.cycleId FROM Proposal p WHERE p.id = :p", Long.class)
                .setParameter("p", proposalId).getResultList().stream().findFirst();
    }

    /** The proposal a cycle's option was made from, if any (for the option's credit). */
    public Optional<Proposal> originOf(long cycleId, String optionCode) {
        return fresh(em.createQuery("SELECT p FROM Proposal p WHERE p.cycleId = :c AND p.optionCode = :o",
                Proposal.class).setParameter("c", cycleId).setParameter("o", optionCode)).getResultList().stream()
                .findFirst();
    }

    /** Whether this account actively supports the proposal. */
    public boolean supports(String account, long proposalId) {
        ProposalSupport s = supportOf(proposalId, account);
        return s != null && s.isActive();
    }

    /** Which of these proposals the account actively supports (one query, for a page of them). */
    public java.util.Set<Long> supportedAmong(String account, List<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(fresh(em.createQuery("SELECT s.proposalId FROM ProposalSupport s"
                + " WHERE s.account = :a AND s.proposalId IN :ids AND s.withdrawnAt IS NULL", Long.class)
                .setParameter("a", account).setParameter("ids", proposalIds)).getResultList());
    }

    /** The reports awaiting moderation in a cycle (reports of proposals not hidden), oldest first. */
    public List<ProposalReport> openReports(long cycleId) {
        return em.createQuery("SELECT r FROM ProposalReport r, Proposal p WHERE r.proposalId = p.id"
                + " AND p.cycleId = :c AND p.hidden = false ORDER BY r.createdAt, r.id", ProposalReport.class)
                .setParameter("c", cycleId).getResultList();
    }

    /** The notices to one person about their proposals, newest first. */
    public List<ProposalNotice> notices(String username) {
        return em.createQuery("SELECT n FROM ProposalNotice n WHERE n.recipient = :u ORDER BY n.createdAt DESC,"
                + " n.id DESC", ProposalNotice.class).setParameter("u", username).getResultList();
    }

    /** The notices to one person about their proposals in one cycle, newest first. */
    public List<ProposalNotice> notices(String username, long cycleId) {
        return em.createQuery("SELECT n FROM ProposalNotice n, Proposal p WHERE n.recipient = :u"
                + " AND p.id = n.proposalId AND p.cycleId = :c ORDER BY n.createdAt DESC, n.id DESC",
                ProposalNotice.class).setParameter("u", username).setParameter("c", cycleId).getResultList();
    }
}
