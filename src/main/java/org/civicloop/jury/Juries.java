package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.identity.AccountService;

/**
 * What other capabilities may know of a cycle's jury, as records: who is in the pool and on the jury, their answers
 * to the category questions, the representativeness report and whether the draw happened. The jury's entities and
 * tables stay inside this package (docs/architecture.md); this is the narrow interface, read-only.
 */
@ApplicationScoped
public class Juries {

    /**
     * One volunteer as others see them: the volunteer's id (seats, tables and answers are keyed by it), the account
     * (none for people imported into the pool and invited by letter), whether they were drawn and whether they are
     * on the jury now (drawn and not declined).
     */
    public record Member(long volunteerId, Long accountId, boolean drawn, boolean onJury) {
        static Member of(Volunteer v) {
            return new Member(v.getId(), v.getAccountId(), v.getStatus() == Volunteer.Status.SELECTED,
                    v.isOnJury());
        }
    }

    /**
     * The jury draw of a cycle as the public sees it: the method and size, the seed's commitment (the seed itself
     * only once drawn), the fairness figures and the tolerance a leximin draw was computed to.
     */
    public record DrawView(String method, int panelSize, String seedCommitment, Instant committedAt,
                           String publishedSeed, Instant drawnAt, String minProbability, String meanProbability,
                           String tolerance, boolean drawn) {
        static DrawView of(JuryDraw d) {
            return new DrawView(d.getMethod(), d.getPanelSize(), d.getSeedCommitment(), d.getCommittedAt(),
                    d.getPublishedSeed(), d.getDrawnAt(), d.getMinProbability(), d.getMeanProbability(),
                    d.getTolerance(), d.isDrawn());
        }
    }

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    JuryService jury;
    @Inject
    AccountService accounts;
    @Inject
    LetterRoundService letters;

    /** True when the account of this user name is on the cycle's jury. */
    public boolean isJuror(long cycleId, String username) {
        return jury.isJuror(cycleId, username);
    }

    /** The jury: drawn and not declined, in volunteer order. */
    public List<Member> jurors(long cycleId) {
        return jury.jury(cycleId).stream().map(Member::of).toList();
    }

    /** Everyone who volunteered or was imported into the pool, in volunteer order. */
    public List<Member> pool(long cycleId) {
        return jury.pool(cycleId).stream().map(Member::of).toList();
    }

    /** How many sit on the jury (drawn and not declined), counted in the database (live views ask it often). */
    public int jurySize(long cycleId) {
        return em.createQuery("SELECT COUNT(v) FROM Volunteer v WHERE v.cycleId = :c AND v.status = :s"
                + " AND (v.response IS NULL OR v.response <> :declined)", Long.class).setParameter("c", cycleId)
                .setParameter("s", Volunteer.Status.SELECTED).setParameter("declined", Volunteer.Response.DECLINED)
                .getSingleResult().intValue();
    }

    /** How many are in the pool, counted in the database. */
    public int poolSize(long cycleId) {
        return em.createQuery("SELECT COUNT(v) FROM Volunteer v WHERE v.cycleId = :c", Long.class)
                .setParameter("c", cycleId).getSingleResult().intValue();
    }

    /** The volunteer record of this account in this cycle, if it volunteered. */
    public Optional<Member> volunteerOf(long cycleId, long accountId) {
        return jury.find(cycleId, accountId).map(Member::of);
    }

    /** The user names of the jurors who have an account (imported people invited by letter have none). */
    public List<String> jurorUsernames(long cycleId) {
        return jury.jury(cycleId).stream().map(Volunteer::getAccountId).filter(java.util.Objects::nonNull)
                .map(accounts::usernameOf).toList();
    }

    /** Accounts that volunteered for the cycle and agreed to be contacted, in account order. */
    public List<Long> consentingAccounts(long cycleId) {
        return em.createQuery("SELECT v.accountId FROM Volunteer v WHERE v.cycleId = :c AND v.consent = TRUE"
                + " AND v.accountId IS NOT NULL ORDER BY v.accountId", Long.class)
                .setParameter("c", cycleId).getResultList();
    }

    /** Accounts that volunteered for this cycle (people imported without an account are not among them). */
    public Set<Long> volunteerAccounts(long cycleId) {
        return new HashSet<>(em.createQuery("SELECT v.accountId FROM Volunteer v WHERE v.cycleId = :c"
                + " AND v.accountId IS NOT NULL", Long.class).setParameter("c", cycleId).getResultList());
    }

    /** Accounts that volunteered for any cycle other than this one. */
    public Set<Long> volunteerAccountsElsewhere(long cycleId) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT v.accountId FROM Volunteer v WHERE v.cycleId <> :c"
                + " AND v.accountId IS NOT NULL", Long.class).setParameter("c", cycleId).getResultList());
    }

    /**
     * People an officer imported into the cycle's pool (docs/jury.md): they took part without an account, each once,
     * known by the imported row kept for them until the retention rule deletes it.
     */
    public int importedPeople(long cycleId) {
        return em.createQuery("SELECT COUNT(v) FROM Volunteer v, VolunteerPersonal p WHERE p.volunteerId = v.id"
                + " AND v.cycleId = :c AND v.accountId IS NULL AND p.sourceRow IS NOT NULL", Long.class)
                .setParameter("c", cycleId).getSingleResult().intValue();
    }

    /** Volunteers' answers to the category questions, by volunteer id (officers' and facilitators' use only). */
    public Map<Long, Map<String, String>> answers(long cycleId) {
        return jury.answers(cycleId);
    }

    /** The cycle's category questions: each feature with its values, in quota order. */
    public Map<String, List<String>> features(long cycleId) {
        return jury.features(cycleId);
    }

    /** The representativeness report: each quota against the pool, the invited, the accepted and the jury. */
    public List<JuryService.RepresentationLine> representation(long cycleId) {
        return jury.representation(cycleId);
    }

    /** The cycle's jury draw, once an officer committed to its seed. */
    public Optional<DrawView> draw(long cycleId) {
        return jury.findDraw(cycleId).map(DrawView::of);
    }

    /** True once the jury is drawn (volunteering then closes). */
    public boolean isDrawn(long cycleId) {
        return jury.findDraw(cycleId).filter(JuryDraw::isDrawn).isPresent();
    }

    /** True once the cycle's invitation letters were drawn (volunteers may then give a letter's code). */
    public boolean letterRoundDrawn(long cycleId) {
        return letters.round(cycleId).filter(LetterRound::isDrawn).isPresent();
    }

    /** True when volunteering for this cycle needs an invitation letter's code. */
    public boolean lettersOnly(long cycleId) {
        return jury.setting(cycleId).isLettersOnly();
    }
}
