package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.jury.Juries;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * Computes a cycle's {@link PreferenceShift} from the before and after answers (the arithmetic is
 * {@link ShiftCalculator}, a pure function). {@link #shift} is the jury's, by the jury's categories;
 * {@link #residentsShift} is the residents' panel online, reported beside the jury's and never mixed into it.
 */
@ApplicationScoped
public class PreferenceShiftService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    SessionService sessions;
    @Inject
    VotingService voting;
    @Inject
    Juries jury;

    /** The jury's shift, per statement and option, overall and by jury category. */
    public PreferenceShift shift(long cycleId) {
        return compute(cycleId, OpinionAnswer.Panel.JURY);
    }

    /** The residents' panel's shift (no categories: residents online are not a sample). */
    public PreferenceShift residentsShift(long cycleId) {
        return compute(cycleId, OpinionAnswer.Panel.RESIDENTS);
    }

    private PreferenceShift compute(long cycleId, OpinionAnswer.Panel panel) {
        List<ShiftCalculator.Item> statements = new ArrayList<>();
        for (OpinionStatement s : sessions.statements(cycleId)) {
            statements.add(new ShiftCalculator.Item(s.itemKey(), s.getWording(), ParticipationService.SCALE));
        }
        List<CostedOption> opts = voting.options(cycleId);
        List<ShiftCalculator.Item> options = new ArrayList<>();
        for (CostedOption o : opts) {
            options.add(new ShiftCalculator.Item("O" + o.getCode(), o.getTitle(), Math.max(1, opts.size())));
        }
        List<ShiftCalculator.Answer> answers = new ArrayList<>();
        for (OpinionAnswer a : em.createQuery("SELECT a FROM OpinionAnswer a WHERE a.cycleId = :c AND a.panel = :p"
                        + " AND a.stage IN :stages", OpinionAnswer.class).setParameter("c", cycleId)
                .setParameter("p", panel)
                .setParameter("stages", List.of(SessionRound.Stage.BEFORE, SessionRound.Stage.AFTER))
                .getResultList()) {
            answers.add(new ShiftCalculator.Answer(a.getPseudonym(), a.getItemKey(),
                    a.getStage() == SessionRound.Stage.BEFORE ? ShiftCalculator.Stage.BEFORE
                            : ShiftCalculator.Stage.AFTER, a.getScore()));
        }
        Map<String, Map<String, String>> categories = panel == OpinionAnswer.Panel.JURY ? categories(cycleId)
                : Map.of();
        List<PreferenceShift.ItemShift> s = ShiftCalculator.shifts(statements, answers, categories);
        List<PreferenceShift.ItemShift> o = ShiftCalculator.shifts(options, answers, categories);
        // Option keys are reported as the option's code.
        o = o.stream().map(i -> new PreferenceShift.ItemShift(i.key().substring(1), i.label(), i.before(), i.after(),
                i.meanBefore(), i.meanAfter(), i.meanShift(), i.respondents(), i.changed(), i.byCategory())).toList();
        return new PreferenceShift(cycleId, s, o);
    }

    /** Each participant's jury categories (pseudonym to feature to value), from their volunteer answers. */
    private Map<String, Map<String, String>> categories(long cycleId) {
        Map<Long, Map<String, String>> byVolunteer = jury.answers(cycleId);
        Map<Long, Long> volunteerOfAccount = new HashMap<>();
        for (Juries.Member v : jury.pool(cycleId)) {
            volunteerOfAccount.put(v.accountId(), v.volunteerId());
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Participant p : em.createQuery("SELECT p FROM Participant p WHERE p.cycleId = :c", Participant.class)
                .setParameter("c", cycleId).getResultList()) {
            Long volunteer = volunteerOfAccount.get(p.getAccountId());
            if (volunteer != null && byVolunteer.containsKey(volunteer)) {
                out.put(p.getPseudonym(), byVolunteer.get(volunteer));
            }
        }
        return out;
    }
}
