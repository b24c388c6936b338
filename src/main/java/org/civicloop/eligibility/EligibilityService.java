package org.civicloop.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.jury.LetterCode;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/**
 * Who may cast a residents' ballot and support proposals in a cycle. An officer defines the cycle's electorate
 * (minimum age, districts, verification methods) until the vote opens, imports its census (kept only as keyed hashes)
 * and issues one-time postal codes; a resident verifies with their census identifiers or a code, or an officer checks
 * them in person ({@link Verifications}). A census line or a code, once used, is bound to the account it verified: nobody verifies a second
 * account with it. Everything is audited; residents only as pseudonyms, census identities never.
 * <p>
 * Other capabilities use {@link Eligibility} (the check and the public summary), never this service's tables.
 */
@ApplicationScoped
public class EligibilityService {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_CODES = 5_000;
    public static final int MAX_DISTRICTS = 20;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Cycles cycles;
    @Inject
    EligibilityKey key;

    static String salt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether the electorate may still be defined or changed: until the vote opens. */
    static boolean changeableIn(Phase phase) {
        return phase.ordinal() < Phase.VOTE.ordinal();
    }

    /** Whether residents may verify: while the cycle runs, until its vote closes. */
    static boolean verifiableIn(Phase phase) {
        return phase.ordinal() <= Phase.VOTE.ordinal();
    }

    /** The districts as typed (one a line or comma-separated), trimmed and without repeats; empty when none or too many. */
    static Optional<List<String>> districts(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String d : typed.split("[\\n,]")) {
            String s = d.strip();
            if (s.length() > 100) {
                return Optional.empty();
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.isEmpty() || out.size() > MAX_DISTRICTS || String.join("\n", out).length() > 2000
                ? Optional.empty() : Optional.of(List.copyOf(out));
    }

    // ---------------------------------------------------------------- officers

    /**
     * An officer defines (or changes) the cycle's electorate: the minimum age (0 to 25), its districts, and which
     * verification methods count (at least one). Refused once the vote is open.
     */
    @Transactional
    public Result<Electorate> defineElectorate(Actor actor, long cycleId, int minAge, String districts,
                                               boolean byCensus, boolean byCode, boolean inPerson) {
        Result<CycleView> found = cycles.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (!changeableIn(found.value().phase())) {
            return Result.refused("refused.electorate.phase");
        }
        if (minAge < 0 || minAge > 25) {
            return Result.refused("refused.electorate.minAge");
        }
        Optional<List<String>> list = districts(districts);
        if (list.isEmpty()) {
            return Result.refused("refused.electorate.districts");
        }
        if (!byCensus && !byCode && !inPerson) {
            return Result.refused("refused.electorate.methods");
        }
        Electorate e = em.find(Electorate.class, cycleId);
        String before = e == null ? null : audit.digestOf("eligibility_electorate", cycleId);
        if (e == null) {
            e = new Electorate(cycleId);
            e.define(minAge, list.get(), byCensus, byCode, inPerson, actor.username(), clock.instant());
            em.persist(e);
        } else {
            e.define(minAge, list.get(), byCensus, byCode, inPerson, actor.username(), clock.instant());
        }
        em.flush();
        audit.record(actor, "eligibility.electorateDefined", "eligibility_electorate", cycleId, before,
                "cycle=" + cycleId + " minAge=" + minAge + " districts=" + list.get().size() + " methods="
                        + (byCensus ? "census " : "") + (byCode ? "code " : "") + (inPerson ? "inPerson" : ""));
        return Result.done(e);
    }

    /** The outcome of a census import: people now on the census, and how many were already bound (kept as they were). */
    public record Imported(int people, int alreadyBound) {
    }

    /**
     * An officer uploads the cycle's census (CSV, see {@link CensusFile}): it replaces the lines not used yet; lines
     * already bound to an account stay bound. Only keyed hashes of the identifiers are kept. A bad line refuses the
     * whole file with the line's number, and nothing changes.
     */
    @Transactional
    public Result<Imported> importCensus(Actor actor, long cycleId, String csv) {
        Result<Electorate> found = electorateForOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(e -> null);
        }
        Electorate e = found.value();
        if (!e.isByCensus()) {
            return Result.refused("refused.verify.censusOff");
        }
        CensusFile.Parsed parsed = CensusFile.parse(csv, e.getDistricts());
        if (!parsed.ok()) {
            return Result.refused(parsed.errorKey(), parsed.errorLine());
        }
        KeyedHash hash = key.hash();
        em.createQuery("DELETE FROM CensusEntry c WHERE c.cycleId = :c AND c.account IS NULL")
                .setParameter("c", cycleId).executeUpdate();
        Set<String> bound = new HashSet<>(em.createQuery("SELECT c.identityHash FROM CensusEntry c"
                + " WHERE c.cycleId = :c", String.class).setParameter("c", cycleId).getResultList());
        int kept = 0;
        int added = 0;
        for (CensusFile.Person p : parsed.people()) {
            String h = hash.of(p.identity());
            if (bound.contains(h)) {
                kept++;
                continue;
            }
            em.persist(new CensusEntry(cycleId, p.line(), h, p.district()));
            if (++added % 500 == 0) {
                em.flush();
            }
        }
        em.flush();
        audit.note(actor, "eligibility.censusImported", "eligibility_electorate", Long.toString(cycleId),
                "cycle=" + cycleId + " people=" + (added + kept) + " alreadyBound=" + kept);
        return Result.done(new Imported(added + kept, kept));
    }

    /**
     * An officer issues {@code count} one-time postal codes for a district (the letter rounds' format, {@link LetterCode}):
     * they are answered once, to be printed and posted, and kept only as keyed hashes.
     */
    @Transactional
    public Result<List<String>> issueCodes(Actor actor, long cycleId, String district, int count) {
        Result<Electorate> found = electorateForOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(e -> null);
        }
        Electorate e = found.value();
        if (!e.isByCode()) {
            return Result.refused("refused.verify.codeOff");
        }
        String d = district == null ? "" : district.strip();
        if (!e.getDistricts().contains(d)) {
            return Result.refused("refused.codes.district");
        }
        if (count < 1 || count > MAX_CODES) {
            return Result.refused("refused.codes.count", MAX_CODES);
        }
        KeyedHash hash = key.hash();
        List<String> codes = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        while (codes.size() < count) {
            String code = LetterCode.generate(RANDOM);
            String h = hash.of("code|" + code);
            if (!taken.add(code) || em.createQuery("SELECT COUNT(p) FROM PostalCode p WHERE p.codeHash = :h",
                    Long.class).setParameter("h", h).getSingleResult() > 0) {
                continue;
            }
            em.persist(new PostalCode(cycleId, h, d, clock.instant()));
            codes.add(LetterCode.printed(code));
        }
        em.flush();
        audit.note(actor, "eligibility.codesIssued", "eligibility_electorate", Long.toString(cycleId),
                "cycle=" + cycleId + " district=" + d + " count=" + count);
        return Result.done(codes);
    }

    private Result<Electorate> electorateForOfficer(Actor actor, long cycleId) {
        Result<CycleView> found = cycles.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (!changeableIn(found.value().phase())) {
            return Result.refused("refused.electorate.phase");
        }
        Electorate e = em.find(Electorate.class, cycleId);
        return e == null ? Result.refused("refused.electorate.undefined") : Result.done(e);
    }

    // ---------------------------------------------------------------- queries

    /** The account's verification for the cycle, if it has one. */
    public Optional<Verification> verificationOf(long cycleId, String account) {
        return em.createQuery("SELECT v FROM Verification v WHERE v.cycleId = :c AND v.account = :a",
                        Verification.class).setParameter("c", cycleId).setParameter("a", account)
                .setHint("eclipselink.refresh", "true").getResultList().stream().findFirst();
    }

    public Optional<Electorate> electorate(long cycleId) {
        return em.createQuery("SELECT e FROM Electorate e WHERE e.id = :c", Electorate.class)
                .setParameter("c", cycleId).setHint("eclipselink.refresh", "true").getResultList().stream()
                .findFirst();
    }
}
