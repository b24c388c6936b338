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
import org.civicloop.voting.CostedOption;
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
    @Inject
    ProposalPhotos photos;

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
    static <T> jakarta.persistence.TypedQuery<T> fresh(jakarta.persistence.TypedQuery<T> q) {
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
        return propose(actor, cycleId, draft, mailUpdates, null);
    }

    /**
     * As {@link #propose(Actor, long, ProposalDraft, boolean)}, with a photo checked by {@link ProposalPhotos#check}
     * (or null): stored in the same transaction, so a proposal is never made without the photo it was sent with.
     */
    @Transactional
    public Result<Proposal> propose(Actor actor, long cycleId, ProposalDraft draft, boolean mailUpdates,
                                    ProposalPhotos.Upload photo) {
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
        if (photo != null) {
            photos.store(actor, p, photo);
        }
        if (mailUpdates) {
            em.persist(new ProposalMailOptIn(p.getId(), clock.instant()));
            em.flush();
            audit.record(actor, "proposal.mailOptedIn", "proposal_mail_opt_in", p.getId(), null,
                    "proposal=" + p.getId());
        }
        return Result.done(p);
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
            // the page in the SQL itself (standard OFFSET ... FETCH, on H2 and PostgreSQL alike)
            pageIds = ((long) (page - 1) * size >= total) ? List.of()
                    : ids(native_("SELECT s.id" + where + order + " OFFSET " + ((long) (page - 1) * size)
                            + " ROWS FETCH NEXT " + size + " ROWS ONLY", params).getResultList());
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
