package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.civicloop.cycle.CycleView;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.deliberation.PreferenceShiftService;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.jury.Juries;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.CountLines;
import org.civicloop.voting.VotingService;
import org.civicloop.audit.AuditCheckpoints;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.text.ExplanationText;

/** Gathers every section of a cycle's report from the capabilities that own the facts. */
@ApplicationScoped
class ReportAssembler {

    @Inject
    Juries jury;
    @Inject
    EvidenceService evidence;
    @Inject
    VotingService voting;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    DeliberationService deliberation;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    Budgets budgets;

    Report assemble(CycleView cycle, List<Recommendation> recs, ReportDraft draft, int number, Instant at,
                    String changeNote, List<ReportVersion> earlier, String auditHead) {
        long id = cycle.id();
        List<Report.VersionNote> history = earlier.stream()
                .map(v -> new Report.VersionNote(v.getVersionNo(), v.getPublishedAt(), v.getChangeNote())).toList();
        List<Recommendation> taken = recs.stream().filter(r -> r.isAnswered() && r.getResponse().taken()).toList();
        long committed = taken.stream().mapToLong(r -> r.getAmountCommitted() == null ? 0 : r.getAmountCommitted())
                .sum();
        Report.Changed changed = new Report.Changed(draft.summary(),
                taken.stream().map(Recommendation::getTitle).toList(), committed);
        VotingService.Count juryCount = voting.count(id, Ballot.Channel.JURY);
        VotingService.Count residentCount = voting.count(id, Ballot.Channel.RESIDENTS);
        ExplanationText english = juryCount.text(Locale.ENGLISH);
        Report.Participation participation = new Report.Participation(jury.poolSize(id), jury.jurySize(id),
                juryCount.ballots(), residentCount.ballots(), jury.representation(id).stream()
                .map(l -> new Report.Representation(l.feature(), l.value(), l.min(), l.max(), l.pool(), l.jury()))
                .toList());
        Report.Heard heard = new Report.Heard(evidence.publishedItems(id).size(), "/cycle.xhtml?id=" + id + "#evidence");
        Report.Vote vote = new Report.Vote(juryCount.rule().name(), juryCount.ballots(),
                juryCount.winners().stream().map(o -> new Report.Funded(o.getCode(), o.getTitle(),
                        juryCount.score(o.getCode()), o.getCost())).toList(),
                juryCount.losers().stream().map(l -> new Report.NotFunded(l.option().getCode(), l.option().getTitle(),
                        english.text(l.why()), reason(l.why()), juryCount.score(l.option().getCode()),
                        l.option().getCost())).toList(),
                english.rounds(juryCount.result()),
                residentCount.ballots(), residentCount.winners().stream().map(CostedOption::getTitle).toList(),
                juryCount.rounds().stream().map(r -> reason(r.explanation())).toList(), voting.flaggedBallots(id),
                withTreatmentOf(id));
        List<Report.Decision> decisions = recs.stream().map(ReportAssembler::decision).toList();
        Report.Next next = new Report.Next(draft.nextSteps(), draft.nextDate(), cycle.feedbackPromiseDate(),
                cycle.feedbackPromiseHow(), cycle.feedbackChannel());
        String api = "/api/v1/cycles/" + id;
        Report.Check check = new Report.Check(auditHead, List.of(
                new Report.Link("report.link.json", api + "/report"),
                new Report.Link("report.link.responses", api + "/report/responses.csv"),
                new Report.Link("report.link.pdf", api + "/report/pdf"),
                new Report.Link("report.link.results", api + "/results"),
                new Report.Link("report.link.ballots", api + "/ballots.pb"),
                new Report.Link("report.link.audit", "/audit.xhtml")),
                checkpoints.latest().map(AuditCheckpoints.Stored::note).orElse(null));
        return new Report(id, cycle.council(), cycle.title(), cycle.currency(), number, at, changeNote,
                history, changed, cycle.question(), participation, heard, shifts.shift(id), vote, decisions,
                deliberation.minorityPositions(id), next, check,
                sections(id, juryCount));
    }

    /**
     * One section per budget when the cycle has district budgets (none otherwise): the city-wide one first, whose
     * count is the report's vote, then each district's residents' count, read through {@link VotingService#count}.
     */
    private List<Report.BudgetSection> sections(long cycleId, VotingService.Count juryCount) {
        if (!budgets.hasDistrictBudgets(cycleId)) {
            return List.of();
        }
        List<Report.BudgetSection> out = new java.util.ArrayList<>();
        for (Budget b : budgets.budgets(cycleId)) {
            if (b.cityWide()) {
                out.add(new Report.BudgetSection(b.code(), null, null, b.amount(), b.rule().name(),
                        juryCount.ballots(), List.of(), List.of(), List.of(), List.of()));
                continue;
            }
            VotingService.Count count = voting.count(b, Ballot.Channel.RESIDENTS);
            ExplanationText english = count.text(Locale.ENGLISH);
            out.add(new Report.BudgetSection(b.code(), b.label(), b.district(), b.amount(), count.rule().name(),
                    count.ballots(), CountLines.winners(count).stream().map(o -> new Report.Funded(o.code(),
                    o.title(), o.score(), o.cost())).toList(),
                    CountLines.losers(count).stream().map(l -> new Report.NotFunded(l.option().code(),
                            l.option().title(), english.text(l.why()), reason(l.why()), l.option().score(),
                            l.option().cost())).toList(),
                    count.rounds().stream().map(r -> reason(r.explanation())).toList(),
                    english.rounds(count.result())));
        }
        return out;
    }

    /** The treatment of flagged ballots as the report keeps it. */
    private Report.Campaign withTreatmentOf(long cycleId) {
        VotingService.CampaignTreatment t = voting.campaign(cycleId);
        return new Report.Campaign(t.flagged(), t.counted(), t.excluded(), t.undecided(), t.decisions().stream()
                .map(d -> new Report.Treated(d.excluded(), d.ballots(), d.reason())).toList());
    }

    private static Report.Reason reason(Explanation e) {
        return new Report.Reason(e.code(), e.plainValues());
    }

    static Report.Decision decision(Recommendation r) {
        return new Report.Decision(r.getId(), r.getRankPosition(), r.getSource(), r.getOptionCode(), r.getTitle(),
                r.getSupport(), r.getJuryBallots(),
                r.getFirstChoices(), r.getRankedBy(), r.getSupportPercent(), r.getMinorityPositions(),
                r.getResidentBallots(), r.isResidentFunded(), r.getResidentScore(), r.getResponse(), r.getRationale(),
                r.getTradeOff(), r.getBudgetLine(), r.getAmountCommitted(), r.getWhoLoses(), r.getOffered(),
                r.getDecidedBy(), r.isPolitical(), r.getSignoffMember(), r.getSignoffOn(), r.getJuryScore(),
                r.getBudgetCode());
    }
}
