package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.identity.Account;
import org.civicloop.identity.AccountService;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of recruitment: residents volunteer, an officer draws the jury. The walking skeleton draws a simple
 * seeded lottery; the stratified, maximally fair draw replaces it (jury issue).
 */
@ApplicationScoped
public class JuryService implements PhaseGate {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.volunteer.residentsOnly");
        }
        Cycle cycle = em.find(Cycle.class, cycleId);
        if (cycle == null || !cycle.isPublished()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.volunteer.closed");
        }
        if (!consent) {
            return Result.refused("refused.volunteer.consent");
        }
        Account account = accounts.find(actor.username()).orElseThrow();
        if (find(cycleId, account.getId()).isPresent()) {
            return Result.refused("refused.volunteer.already");
        }
        Volunteer v = new Volunteer(cycleId, account.getId(), true, clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "jury.volunteered", "volunteer", v.getId(), null, "cycle=" + cycleId);
        return Result.done(v);
    }

    /** Draws {@code size} jurors at random from the pool, reproducibly from {@code seed}. */
    @Transactional
    public Result<List<Volunteer>> drawJury(Actor actor, long cycleId, int size, String seed) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Cycle cycle = em.find(Cycle.class, cycleId);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        if (!jury(cycleId).isEmpty()) {
            return Result.refused("refused.jury.drawn");
        }
        List<Volunteer> pool = new ArrayList<>(pool(cycleId));
        if (size < 1 || size > pool.size()) {
            return Result.refused("refused.jury.size", pool.size());
        }
        if (seed == null || seed.isBlank() || seed.length() > 200) {
            return Result.refused("refused.jury.seed");
        }
        pool.sort(Comparator.comparing(Volunteer::getId));
        Random random = new Random(seedOf(seed));
        List<Volunteer> chosen = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        for (Volunteer v : chosen) {
            String before = audit.digestOf("volunteer", v.getId());
            v.select();
            audit.record(actor, "jury.selected", "volunteer", v.getId(), before, "seed=" + seed);
            Account account = em.find(Account.class, v.getAccountId());
            if (!account.roles().contains(Role.JUROR)) {
                accounts.grantRole(Actor.system(), account.getUsername(), Role.JUROR);
            }
        }
        return Result.done(chosen);
    }

    static long seedOf(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Volunteer> find(long cycleId, long accountId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c AND v.accountId = :a", Volunteer.class)
                .setParameter("c", cycleId).setParameter("a", accountId).getResultStream().findFirst();
    }

    public List<Volunteer> pool(long cycleId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c ORDER BY v.id", Volunteer.class)
                .setParameter("c", cycleId).getResultList();
    }

    public List<Volunteer> jury(long cycleId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c AND v.status = :s ORDER BY v.id",
                Volunteer.class).setParameter("c", cycleId).setParameter("s", Volunteer.Status.SELECTED)
                .getResultList();
    }

    /** Whether this person sits on this cycle's jury (a juror of one cycle cannot act in another). */
    public boolean isJuror(long cycleId, String username) {
        return accounts.find(username).flatMap(a -> find(cycleId, a.getId()))
                .filter(v -> v.getStatus() == Volunteer.Status.SELECTED).isPresent();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.RECRUIT && jury(cycle.getId()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.jury", List.of()));
        }
        return Optional.empty();
    }
}
