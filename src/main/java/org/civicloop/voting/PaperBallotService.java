package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.identity.AccountService;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Result;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.kernel.Role;

/**
 * Use cases of paper ballots (the hybrid tally): open a batch for what was collected where and when, key its sheets
 * twice (two different officers), settle the sheets the keyings disagree on, or import a scanning service's CSV;
 * accepting the batch puts its sheets into the residents' ballot box. Sheets carry no identity: whoever hands out a
 * paper ballot first records the person in the voter register ({@link #issuePaperBallot}), which refuses anyone who
 * has voted online already, and afterwards refuses them online. A batch belongs to one budget: the city-wide one, or a
 * district budget, whose sheets rank its options and whose paper voters must be verified in its district (the
 * officer's in-person check, on the electorate page) before they are handed its ballot.
 */
@ApplicationScoped
public class PaperBallotService implements PhaseGate {

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
    VotingService voting;
    @Inject
    PaperBatches batches;
    @Inject
    BallotBoxes boxes;
    @Inject
    Budgets budgets;
    @Inject
    VoterRegister register;
    @Inject
    EligibilityCheck eligibility;

    /**
     * Opens a batch for the paper ballots collected in one place on one day, for one budget (blank or
     * {@value Budget#CITY}: the city-wide budget).
     */
    @Transactional
    public Result<PaperBatch> openBatch(Actor actor, long cycleId, String budgetCode, String label,
                                        String collectedWhere, LocalDate collectedOn, int sheets) {
        Result<CycleView> found = openForPaper(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Optional<Budget> budget = budgets.find(cycleId, budgetCode);
        if (budget.isEmpty()) {
            return Result.refused("refused.budget.unknown");
        }
        Optional<Result<PaperBatch>> bad = checkBatch(cycleId, label, collectedWhere, collectedOn);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (sheets < 1 || sheets > PaperSheets.MAX_SHEETS) {
            return Result.refused("refused.paper.sheets", PaperSheets.MAX_SHEETS);
        }
        PaperBatch batch = new PaperBatch(cycleId, budget.get().id(), label.strip(), collectedWhere.strip(),
                collectedOn, sheets, PaperBatch.Method.DOUBLE_ENTRY, actor.username(), clock.instant());
        em.persist(batch);
        em.flush();
        audit.record(actor, "paper.batchOpened", "paper_batch", batch.getId(), null, "cycle=" + cycleId
                + VotingService.boxDetail(budget.get()));
        return Result.done(batch);
    }

    /**
     * Keys one sheet of a batch. The first officer to key a batch makes keying 1, a different officer keying 2;
     * each may correct their own sheets until the batch is accepted. Nobody sees the other keying's sheets here.
     */
    @Transactional
    public Result<PaperEntry> keySheet(Actor actor, long batchId, int sheetNo, String ranking) {
        Result<PaperBatch> found = batchForWork(actor, batchId);
        if (!found.isDone()) {
            return found.map(b -> null);
        }
        PaperBatch batch = found.value();
        if (batch.getMethod() != PaperBatch.Method.DOUBLE_ENTRY) {
            return Result.refused("refused.paper.scanned");
        }
        if (sheetNo < 1 || sheetNo > batch.getSheets()) {
            return Result.refused("refused.paper.noSuchSheet", batch.getSheets());
        }
        PaperSheets.Sheet sheet;
        try {
            sheet = PaperSheets.sheet(sheetNo, ranking, optionCodes(batch.getCycleId(), batch.getBudgetId()));
        } catch (PaperSheets.Invalid e) {
            return Result.refused(e.key(), e.args());
        }
        Map<Integer, String> keyers = batches.keyers(batchId);
        int keying;
        if (actor.username().equals(keyers.get(1))) {
            keying = 1;
        } else if (actor.username().equals(keyers.get(2))) {
            keying = 2;
        } else if (!keyers.containsKey(1)) {
            keying = 1;
        } else if (!keyers.containsKey(2)) {
            keying = 2;
        } else {
            return Result.refused("refused.paper.twoKeyers", keyers.get(1), keyers.get(2));
        }
        PaperEntry entry = batches.entry(batchId, keying, sheetNo);
        if (entry == null) {
            entry = new PaperEntry(batchId, keying, sheet, actor.username(), clock.instant());
            em.persist(entry);
            em.flush();
            audit.record(actor, "paper.sheetKeyed", "paper_entry", entry.getId(), null,
                    "batch=" + batchId + "; keying=" + keying + "; sheet=" + sheetNo);
        } else {
            String before = audit.digestOf("paper_entry", entry.getId());
            entry.rekey(sheet, clock.instant());
            audit.record(actor, "paper.sheetCorrected", "paper_entry", entry.getId(), before,
                    "batch=" + batchId + "; keying=" + keying + "; sheet=" + sheetNo);
        }
        return Result.done(entry);
    }

    /** Settles a sheet the two keyings disagree on (one may have missed it), reading the paper again. */
    @Transactional
    public Result<PaperEntry> resolveSheet(Actor actor, long batchId, int sheetNo, String ranking, String note) {
        Result<PaperBatch> found = batchForWork(actor, batchId);
        if (!found.isDone()) {
            return found.map(b -> null);
        }
        if (note == null || note.isBlank() || note.length() > 1000) {
            return Result.refused("refused.paper.note");
        }
        PaperBatch batch = found.value();
        boolean disputed = !batches.sheets(batchId, 2).isEmpty() && PaperSheets.compare(batch.getSheets(), batches.sheets(batchId, 1), batches.sheets(batchId, 2)).stream()
                .anyMatch(d -> d.sheetNo() == sheetNo);
        if (batch.getMethod() != PaperBatch.Method.DOUBLE_ENTRY || !disputed) {
            return Result.refused("refused.paper.notDisputed", sheetNo);
        }
        PaperSheets.Sheet sheet;
        try {
            sheet = PaperSheets.sheet(sheetNo, ranking, optionCodes(batch.getCycleId(), batch.getBudgetId()));
        } catch (PaperSheets.Invalid e) {
            return Result.refused(e.key(), e.args());
        }
        PaperEntry existing = batches.entry(batchId, PaperEntry.RESOLVED, sheetNo);
        String before = existing == null ? null : audit.digestOf("paper_entry", existing.getId());
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        PaperEntry resolution = new PaperEntry(batchId, sheet, note.strip(), actor.username(), clock.instant());
        em.persist(resolution);
        em.flush();
        audit.record(actor, "paper.sheetResolved", "paper_entry", resolution.getId(), before,
                "batch=" + batchId + "; sheet=" + sheetNo);
        return Result.done(resolution);
    }

    /**
     * Imports a scanning service's CSV as one batch (columns sheet and ranking) of one budget's paper ballots. Any
     * problem refuses the whole file, naming the row or sheet, and nothing is stored.
     */
    @Transactional
    public Result<PaperBatch> importScan(Actor actor, long cycleId, String budgetCode, String label,
                                         String collectedWhere, LocalDate collectedOn, String csv) {
        Result<CycleView> found = openForPaper(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Optional<Budget> budget = budgets.find(cycleId, budgetCode);
        if (budget.isEmpty()) {
            return Result.refused("refused.budget.unknown");
        }
        Optional<Result<PaperBatch>> bad = checkBatch(cycleId, label, collectedWhere, collectedOn);
        if (bad.isPresent()) {
            return bad.get();
        }
        List<PaperSheets.Sheet> sheets;
        try {
            sheets = PaperSheets.scan(csv, optionCodes(cycleId, budget.get().id()));
        } catch (PaperSheets.Invalid e) {
            return Result.refused(e.key(), e.args());
        }
        if (sheets.isEmpty()) {
            return Result.refused("refused.paper.csvEmpty");
        }
        PaperBatch batch = new PaperBatch(cycleId, budget.get().id(), label.strip(), collectedWhere.strip(),
                collectedOn, sheets.size(), PaperBatch.Method.SCAN, actor.username(), clock.instant());
        em.persist(batch);
        em.flush();
        for (PaperSheets.Sheet sheet : sheets) {
            em.persist(new PaperEntry(batch.getId(), 1, sheet, actor.username(), clock.instant()));
        }
        em.flush();
        audit.record(actor, "paper.scanImported", "paper_batch", batch.getId(), null,
                "cycle=" + cycleId + VotingService.boxDetail(budget.get()) + "; sheets=" + sheets.size() + "; sha256="
                        + AuditChain.sha256Hex(csv));
        return Result.done(batch);
    }

    /**
     * Accepts a batch whose keyings agree (or whose differences are all settled): its sheets become ballots of the
     * residents' box, dated the day they were collected. Spoilt sheets are counted as such and not added.
     */
    @Transactional
    public Result<PaperBatch> acceptBatch(Actor actor, long batchId) {
        Result<PaperBatch> found = batchForWork(actor, batchId);
        if (!found.isDone()) {
            return found.map(b -> null);
        }
        PaperBatch batch = found.value();
        PaperBatches.BatchView view = batches.view(batch);
        if (!view.readyToAccept()) {
            return view.compared() || batch.getMethod() == PaperBatch.Method.SCAN
                    ? Result.refused("refused.paper.discrepancies", view.open().size())
                    : Result.refused("refused.paper.notKeyedTwice");
        }
        Map<Integer, PaperSheets.Sheet> finalSheets = new HashMap<>(batches.sheets(batchId, 1));
        finalSheets.putAll(batches.sheets(batchId, PaperEntry.RESOLVED));
        Budget budget = budgetOf(batch);
        int counted = 0;
        int spoilt = 0;
        for (int n = 1; n <= batch.getSheets(); n++) {
            PaperSheets.Sheet sheet = finalSheets.get(n);
            if (sheet.spoilt()) {
                spoilt++;
                continue;
            }
            Ballot ballot = Ballot.fromPaper(batch.getCycleId(), batch.getBudgetId(), BallotCasting.newReceipt(),
                    sheet.ranking(), batch.getCollectedOn());
            em.persist(ballot);
            em.flush();
            audit.recordBallotQueued("paper.ballotCounted", ballot.getId(),
                    "cycle=" + batch.getCycleId() + "; channel=" + Ballot.Channel.RESIDENTS
                            + VotingService.boxDetail(budget));
            counted++;
        }
        String before = audit.digestOf("paper_batch", batchId);
        batch.accept(actor.username(), clock.instant(), counted, spoilt);
        audit.record(actor, "paper.batchAccepted", "paper_batch", batchId, before,
                "counted=" + counted + "; spoilt=" + spoilt);
        return Result.done(batch);
    }

    /**
     * Records, when a paper ballot is handed out, that this resident has now voted in the residents' channel: the
     * register refuses the paper ballot if they voted online already (or were given one before), and refuses them
     * online afterwards. Nothing links the person to the sheet they fill in. A paper ballot is for one budget (blank:
     * the city-wide one). With an electorate the resident must be verified for the cycle (an
     * officer's in-person check, recorded on the electorate page, is how a paper voter is verified); a district
     * budget's paper ballot only to a resident verified in its district. Refused otherwise, nothing recorded.
     */
    @Transactional
    public Result<String> issuePaperBallot(Actor actor, long cycleId, String budgetCode, String username,
                                           String where) {
        Result<CycleView> found = openForPaper(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Budget budget = budgets.find(cycleId, budgetCode).orElse(null);
        if (budget == null) {
            return Result.refused("refused.budget.unknown");
        }
        if (where == null || where.isBlank() || where.strip().length() > 300) {
            return Result.refused("refused.paper.where");
        }
        String name = username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        Long voterId = accounts.activeIdOf(name).orElse(null);
        if (voterId == null) {
            return Result.refused("refused.paper.noSuchVoter");
        }
        EligibilityCheck.Verdict verdict = eligibility.check(name, cycleId);
        if (!verdict.allowed()) {
            return Result.refused("refused.paper.notVerified", name);
        }
        if (!budget.cityWide() && !budget.district().equals(verdict.district())) {
            return Result.refused("refused.paper.notVerifiedIn", name, budget.district());
        }
        Long budgetId = budget.cityWide() ? null : budget.id();
        if (budgetId == null ? boxes.isRegistered(cycleId, Ballot.Channel.RESIDENTS, voterId)
                : register.row(cycleId, Ballot.Channel.RESIDENTS, budgetId, voterId).isPresent()) {
            return Result.refused("refused.paper.alreadyVoted", name);
        }
        long row;
        if (budgetId == null) {
            VoterRegistration registration = new VoterRegistration(cycleId, Ballot.Channel.RESIDENTS, voterId);
            em.persist(registration);
            em.flush();
            row = registration.getRowId();
        } else {
            row = register.add(cycleId, Ballot.Channel.RESIDENTS, budgetId, voterId, null);
        }
        audit.record(actor, "paper.ballotIssued", VoterRegister.table(budgetId), row, null, "cycle=" + cycleId
                + "; channel=" + Ballot.Channel.RESIDENTS + VotingService.boxDetail(budget) + "; where="
                + where.strip());
        return Result.done(name);
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from != Phase.VOTE) {
            return Optional.empty();
        }
        long open = em.createQuery("SELECT COUNT(b) FROM PaperBatch b WHERE b.cycleId = :c AND b.status = :s",
                        Long.class)
                .setParameter("c", cycle.id()).setParameter("s", PaperBatch.Status.KEYING).getSingleResult();
        return open == 0 ? Optional.empty()
                : Optional.of(new Result.Refused<>("refused.paper.openBatches", List.of(open)));
    }

    private Result<CycleView> openForPaper(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found;
        }
        CycleView cycle = found.value();
        if (cycle.phase() != Phase.VOTE) {
            return Result.refused("refused.paper.phase");
        }
        if (!cycle.residentBallot()) {
            return Result.refused("refused.ballot.residentsClosed");
        }
        return found;
    }

    private Optional<Result<PaperBatch>> checkBatch(long cycleId, String label, String where, LocalDate on) {
        if (label == null || label.isBlank() || label.strip().length() > 100) {
            return Optional.of(Result.refused("refused.paper.label"));
        }
        if (where == null || where.isBlank() || where.strip().length() > 300) {
            return Optional.of(Result.refused("refused.paper.where"));
        }
        if (on == null || on.isAfter(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
            return Optional.of(Result.refused("refused.paper.date"));
        }
        long same = em.createQuery("SELECT COUNT(b) FROM PaperBatch b WHERE b.cycleId = :c AND b.label = :l",
                        Long.class)
                .setParameter("c", cycleId).setParameter("l", label.strip()).getSingleResult();
        return same > 0 ? Optional.of(Result.refused("refused.paper.labelTaken", label.strip())) : Optional.empty();
    }

    /** The batch, locked, for an officer, while its cycle is voting and the batch is still being keyed. */
    private Result<PaperBatch> batchForWork(Actor actor, long batchId) {
        PaperBatch batch = em.find(PaperBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            return actor.hasAny(Role.OFFICER, Role.ADMIN)
                    ? Result.refused("refused.paper.unknown") : Result.refused("refused.notAllowed");
        }
        Result<CycleView> cycle = openForPaper(actor, batch.getCycleId());
        if (!cycle.isDone()) {
            return cycle.map(c -> null);
        }
        if (batch.isAccepted()) {
            return Result.refused("refused.paper.accepted");
        }
        return Result.done(batch);
    }

    private Set<String> optionCodes(long cycleId, Long budgetId) {
        return voting.options(cycleId, budgetId).stream().map(CostedOption::getCode).collect(Collectors.toSet());
    }

    /** The budget a batch is for (the city-wide one when it names none). */
    private Budget budgetOf(PaperBatch batch) {
        return budgets.budgets(batch.getCycleId()).stream()
                .filter(b -> java.util.Objects.equals(b.id(), batch.getBudgetId())).findFirst().orElseThrow();
    }


}
