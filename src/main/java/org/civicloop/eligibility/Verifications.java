package org.civicloop.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicloop.audit.AuditKeys;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.LetterCode;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Verifying a resident for a cycle: with their census identifiers or a one-time postal code (the census line or the code
 * is then bound to their account), or in person by an officer who has seen their proof. One verification per account
 * and cycle; audited, residents only as pseudonyms.
 */
@ApplicationScoped
public class Verifications {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    AuditKeys auditKeys;
    @Inject
    Clock clock;
    @Inject
    Cycles cycles;
    @Inject
    AccountService accounts;
    @Inject
    EligibilityKey key;
    @Inject
    EligibilityService service;

    /**
     * An officer checks a resident in person (a paper voter, or someone the census does not match): the officer has
     * seen their proof of age and address and names their account and district. Audited with the officer's name and
     * the resident's pseudonym.
     */
    @Transactional
    public Result<Verification> verifyInPerson(Actor actor, long cycleId, String username, String district) {
        Result<CycleView> cycle = cycles.forOfficer(actor, cycleId);
        if (!cycle.isDone()) {
            return cycle.map(c -> null);
        }
        Electorate e = em.find(Electorate.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return Result.refused("refused.electorate.undefined");
        }
        if (!e.isInPerson()) {
            return Result.refused("refused.verify.inPersonOff");
        }
        if (!EligibilityService.verifiableIn(cycle.value().phase())) {
            return Result.refused("refused.verify.phase");
        }
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (account.isEmpty() || accounts.idOf(account).isEmpty()) {
            return Result.refused("refused.verify.noAccount");
        }
        String d = district == null ? "" : district.strip();
        if (!e.getDistricts().contains(d)) {
            return Result.refused("refused.verify.district");
        }
        if (service.verificationOf(cycleId, account).isPresent()) {
            return Result.refused("refused.verify.already");
        }
        Verification v = new Verification(cycleId, account, d, Verification.Method.IN_PERSON, actor.username(),
                clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "eligibility.verifiedInPerson", "eligibility_verification", v.getId(), null,
                "cycle=" + cycleId + " pseudonym=" + pseudonymOf(account) + " district=" + d);
        return Result.done(v);
    }

    /**
     * The resident's keyed pseudonym as the audit chain shows them (without its "resident:" prefix, so that the word
     * is not read as a user name in a detail).
     */
    private String pseudonymOf(String account) {
        String p = auditKeys.pseudonyms().of(account);
        return p.substring(p.indexOf(':') + 1);
    }

    // ---------------------------------------------------------------- residents

    /**
     * A resident verifies with their census identifiers: document number, date of birth (YYYY-MM-DD) and postcode,
     * as on the census. A match of age gives them the census line's district; the line is then bound to their account.
     */
    @Transactional
    public Result<Verification> verifyByCensus(Actor actor, long cycleId, String document, String birthDate,
                                               String postcode) {
        Result<Electorate> found = electorateForResident(actor, cycleId);
        if (!found.isDone()) {
            return found.map(e -> null);
        }
        Electorate e = found.value();
        if (!e.isByCensus()) {
            return Result.refused("refused.verify.censusOff");
        }
        String doc = CensusFile.document(document);
        LocalDate born = CensusFile.birthDate(birthDate);
        String post = CensusFile.postcode(postcode);
        if (doc == null || born == null || post == null) {
            return Result.refused("refused.verify.identifiers");
        }
        String h = key.hash().of(CensusFile.identity(doc, born, post));
        List<CensusEntry> match = em.createQuery("SELECT c FROM CensusEntry c WHERE c.cycleId = :c"
                + " AND c.identityHash = :h", CensusEntry.class).setParameter("c", cycleId).setParameter("h", h)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (match.isEmpty()) {
            audit.note(Actor.anonymous(), "eligibility.censusNoMatch", "eligibility_electorate",
                    Long.toString(cycleId), "cycle=" + cycleId);
            return Result.refused("refused.verify.noMatch");
        }
        CensusEntry row = match.get(0);
        if (row.isBound()) {
            audit.note(Actor.anonymous(), "eligibility.secondAccountRefused", "eligibility_electorate",
                    Long.toString(cycleId), "cycle=" + cycleId + " method=census");
            return Result.refused("refused.verify.bound");
        }
        if (!CensusFile.ofAge(born, e.getMinAge(), LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()))) {
            return Result.refused("refused.verify.age", e.getMinAge());
        }
        String before = audit.digestOf("eligibility_census", row.getId());
        row.bind(actor.username(), clock.instant());
        return verified(actor, cycleId, row.getDistrict(), Verification.Method.CENSUS, "eligibility_census",
                row.getId(), before);
    }

    /** A resident verifies with a one-time postal code: it gives them the code's district and is used up. */
    @Transactional
    public Result<Verification> verifyByCode(Actor actor, long cycleId, String typed) {
        Result<Electorate> found = electorateForResident(actor, cycleId);
        if (!found.isDone()) {
            return found.map(e -> null);
        }
        if (!found.value().isByCode()) {
            return Result.refused("refused.verify.codeOff");
        }
        String code = LetterCode.parse(typed);
        if (code == null) {
            return Result.refused("refused.verify.code");
        }
        List<PostalCode> match = em.createQuery("SELECT p FROM PostalCode p WHERE p.codeHash = :h", PostalCode.class)
                .setParameter("h", key.hash().of("code|" + code)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (match.isEmpty() || !match.get(0).getCycleId().equals(cycleId)) {
            return Result.refused("refused.verify.code");
        }
        PostalCode p = match.get(0);
        if (p.isUsed()) {
            audit.note(Actor.anonymous(), "eligibility.secondAccountRefused", "eligibility_electorate",
                    Long.toString(cycleId), "cycle=" + cycleId + " method=code");
            return Result.refused("refused.verify.codeUsed");
        }
        String before = audit.digestOf("eligibility_code", p.getId());
        p.use(actor.username(), clock.instant());
        return verified(actor, cycleId, p.getDistrict(), Verification.Method.CODE, "eligibility_code", p.getId(),
                before);
    }

    private Result<Verification> verified(Actor actor, long cycleId, String district, Verification.Method method,
                                          String usedTable, long usedId, String usedBefore) {
        em.flush();
        audit.record(actor, "eligibility.identityUsed", usedTable, usedId, usedBefore, "cycle=" + cycleId);
        Verification v = new Verification(cycleId, actor.username(), district, method, null, clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "eligibility.verified", "eligibility_verification", v.getId(), null,
                "cycle=" + cycleId + " method=" + method.name().toLowerCase(Locale.ROOT) + " district=" + district);
        return Result.done(v);
    }

    private Result<Electorate> electorateForResident(Actor actor, long cycleId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.verify.residentsOnly");
        }
        Optional<CycleView> cycle = cycles.find(cycleId).filter(CycleView::published);
        if (cycle.isEmpty()) {
            return Result.refused("refused.cycle.unknown");
        }
        Electorate e = em.find(Electorate.class, cycleId);
        if (e == null) {
            return Result.refused("refused.electorate.undefined");
        }
        if (!EligibilityService.verifiableIn(cycle.get().phase())) {
            return Result.refused("refused.verify.phase");
        }
        if (service.verificationOf(cycleId, actor.username()).isPresent()) {
            return Result.refused("refused.verify.already");
        }
        return Result.done(e);
    }
}
