package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import java.util.Map;

/**
 * Use cases of volunteering: a resident joins the pool (with answers, an address, a letter's code); an officer sets
 * who may volunteer and the household rule.
 */
@ApplicationScoped
public class Volunteering {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    LetterRoundService letters;
    @Inject
    JuryService jury;

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent) {
        return volunteer(actor, cycleId, consent, Map.of());
    }

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers) {
        return volunteer(actor, cycleId, consent, answers, null);
    }

    /**
     * A resident volunteers, answering the cycle's category questions (one value per feature) and, for the
     * household rule, giving their address (optional; kept apart as personal data, for officers only).
     */
    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers,
                                       String address) {
        return volunteer(actor, cycleId, consent, answers, address, null);
    }

    /**
     * A resident volunteers as above, giving the registration code of an invitation letter (stage two of a letter
     * round, docs/jury.md): the code must be this cycle's, drawn and unused; it is then used up and the letter's
     * address becomes the volunteer's household (a typed address is ignored). When the cycle's volunteering is
     * letters-only, the code is required. A wrong or used code is refused and changes nothing.
     */
    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers,
                                       String address, String code) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.volunteer.residentsOnly");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null || !cycle.published()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.phase() != Phase.RECRUIT) {
            return Result.refused("refused.volunteer.closed");
        }
        if (jury.findDraw(cycleId).filter(JuryDraw::isDrawn).isPresent()) {
            return Result.refused("refused.volunteer.drawn");
        }
        if (!consent) {
            return Result.refused("refused.volunteer.consent");
        }
        long accountId = accounts.idOf(actor.username()).orElseThrow();
        if (jury.find(cycleId, accountId).isPresent()) {
            return Result.refused("refused.volunteer.already");
        }
        Map<String, List<String>> features = jury.features(cycleId);
        for (Map.Entry<String, List<String>> f : features.entrySet()) {
            String answer = answers == null ? null : answers.get(f.getKey());
            if (answer == null || !f.getValue().contains(answer)) {
                return Result.refused("refused.volunteer.answer", f.getKey());
            }
        }
        String addr = address == null ? "" : address.strip();
        if (addr.length() > 500) {
            return Result.refused("refused.volunteer.address");
        }
        LetterAddress letter = null;
        if (code != null && !code.isBlank()) {
            Result<LetterAddress> usable = letters.usableCode(cycleId, code);
            if (usable instanceof Result.Refused<LetterAddress> r) {
                return Result.refused(r.key(), r.args().toArray());
            }
            letter = usable.value();
            addr = letters.addressOf(letter);
        } else if (jury.setting(cycleId).isLettersOnly()) {
            return Result.refused("refused.volunteer.codeRequired");
        }
        Volunteer v = new Volunteer(cycleId, accountId, true, clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "jury.volunteered", "volunteer", v.getId(), null, "cycle=" + cycleId
                + (letter == null ? "" : "; by letter"));
        if (letter != null) {
            letters.registered(actor, letter, v.getId());
        }
        if (!addr.isEmpty()) {
            VolunteerPersonal p = new VolunteerPersonal(v.getId(), cycleId, null, null,
                    addr.length() > 500 ? addr.substring(0, 500) : addr,
                    letter == null ? JuryService.householdKey(List.of(addr)) : letter.getHouseholdKey());
            em.persist(p);
            em.flush();
            audit.record(actor, "jury.addressGiven", "volunteer_personal", p.getId(), null, null);
        }
        for (String feature : features.keySet()) {
            VolunteerAnswer a = new VolunteerAnswer(v.getId(), feature, answers.get(feature));
            em.persist(a);
            em.flush();
            audit.record(actor, "jury.answered", "volunteer_answer", a.getId(), null, null);
        }
        return Result.done(v);
    }

    /**
     * Turns the household rule (at most one person per address) on or off for a cycle, before the draw is
     * committed. On by default.
     */
    @Transactional
    public Result<JurySetting> setHouseholdRule(Actor actor, long cycleId, boolean on) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || jury.findDraw(cycleId).isPresent()) {
            return Result.refused("refused.household.fixed");
        }
        JurySetting s = jury.storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", s.getId());
        s.householdRule(on);
        audit.record(actor, "jury.householdRule", "jury_setting", s.getId(), before, on ? "on" : "off");
        return Result.done(s);
    }

    /**
     * Sets who may volunteer while recruiting, before the jury draw is committed: anyone (OPEN, with or without a
     * letter's code) or only residents who give a letter's registration code (LETTERS_ONLY).
     */
    @Transactional
    public Result<JurySetting> setVolunteering(Actor actor, long cycleId, JurySetting.Volunteering volunteering) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || jury.findDraw(cycleId).isPresent()) {
            return Result.refused("refused.volunteering.fixed");
        }
        if (volunteering == null) {
            return Result.refused("refused.volunteering.value");
        }
        JurySetting s = jury.storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", s.getId());
        s.volunteering(volunteering);
        audit.record(actor, "jury.volunteeringSet", "jury_setting", s.getId(), before, volunteering.name());
        return Result.done(s);
    }
}
