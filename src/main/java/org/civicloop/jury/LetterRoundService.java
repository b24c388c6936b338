package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.jury.selection.LetterLottery;
import org.civicloop.jury.selection.SeedCommitment;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Csv;
import org.civicloop.kernel.Result;

/**
 * Stage one of the two-stage lottery (docs/jury.md, "Letter rounds"): an officer uploads an address list, commits to
 * how many letters and the seed, draws the addresses ({@link LetterLottery}) and downloads the letters with their
 * registration codes for a mail house. Stage two happens in {@link JuryService#volunteer}: a resident gives a letter's
 * code, which is used once and gives the volunteer the letter's address as their household.
 */
@ApplicationScoped
public class LetterRoundService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    public Optional<LetterRound> round(long cycleId) {
        return em.createQuery("SELECT r FROM LetterRound r WHERE r.cycleId = :c", LetterRound.class)
                .setParameter("c", cycleId).getResultStream().findFirst();
    }

    /** The list's lines, in file order (officers only: personal data). */
    public List<LetterAddress> addresses(long cycleId) {
        return em.createQuery("SELECT a FROM LetterAddress a WHERE a.cycleId = :c ORDER BY a.lineNo",
                LetterAddress.class).setParameter("c", cycleId).getResultList();
    }

    /** The drawn lines, in draw order (officers only: personal data). */
    public List<LetterAddress> letters(long cycleId) {
        return em.createQuery("SELECT a FROM LetterAddress a WHERE a.cycleId = :c AND a.drawOrder IS NOT NULL"
                + " ORDER BY a.drawOrder", LetterAddress.class).setParameter("c", cycleId).getResultList();
    }

    /**
     * Uploads the address list of a letter round while recruiting (CSV: an id column, the address columns, optionally
     * an area column, any other columns; kept as it came, officers only). The whole file is checked first; a problem
     * names its line and nothing changes. Until the round is committed a new upload replaces the list.
     */
    @Transactional
    public Result<Integer> uploadAddresses(Actor actor, long cycleId, String csv, String idColumn,
                                           List<String> addressColumns, String areaColumn) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT) {
            return Result.refused("refused.letters.phase");
        }
        Optional<LetterRound> existing = round(cycleId);
        if (existing.isPresent() && existing.get().isCommitted()) {
            return Result.refused("refused.letters.committed");
        }
        if (csv == null || csv.isBlank() || csv.length() > 20_000_000) {
            return Result.refused("refused.letters.csv", "empty or larger than 20 MB");
        }
        String id = idColumn == null || idColumn.isBlank() ? "id" : idColumn.strip();
        List<String> address = addressColumns == null ? List.of()
                : addressColumns.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        String area = areaColumn == null || areaColumn.isBlank() ? null : areaColumn.strip();
        if (address.isEmpty()) {
            return Result.refused("refused.letters.csv", "name the address columns");
        }
        List<List<String>> rows;
        try {
            rows = Csv.read(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv));
        } catch (IOException | RuntimeException e) {
            return Result.refused("refused.letters.csv", e.getMessage());
        }
        AddressListFile.Parsed parsed;
        try {
            parsed = AddressListFile.parse(cycleId, rows, id, address, area);
        } catch (IllegalArgumentException e) {
            return Result.refused("refused.letters.csv", e.getMessage());
        }
        LetterRound round;
        if (existing.isPresent()) {
            round = existing.get();
            for (LetterAddress old : addresses(cycleId)) {
                String gone = audit.digestOf("jury_letter_address", old.getId());
                em.remove(old);
                em.flush();
                audit.record(actor, "jury.addressRemoved", "jury_letter_address", old.getId(), gone, "list replaced");
            }
        } else {
            round = new LetterRound(cycleId);
        }
        String before = round.getId() == null ? null : audit.digestOf("jury_letter_round", round.getId());
        round.uploaded(CsvLine.of(parsed.header()), id, CsvLine.of(address), area, AuditChain.sha256Hex(csv),
                parsed.lines().size(), clock.instant());
        if (round.getId() == null) {
            em.persist(round);
        }
        em.flush();
        audit.record(actor, "jury.addressListUploaded", "jury_letter_round", round.getId(), before,
                "lines=" + parsed.lines().size() + "; sha256=" + round.getListSha256());
        for (LetterAddress line : parsed.lines()) {
            em.persist(line);
        }
        em.flush();
        for (LetterAddress line : parsed.lines()) {
            audit.recordCreationQueued(actor, "jury.addressListed", "jury_letter_address", line.getId(), null);
        }
        return Result.done(parsed.lines().size());
    }

    /** How many distinct addresses the list has (one address spelled twice counts once): the most letters possible. */
    public int distinctAddresses(long cycleId) {
        return LetterLottery.distinct(lotteryList(cycleId)).size();
    }

    private List<LetterLottery.Address> lotteryList(long cycleId) {
        return addresses(cycleId).stream().map(a -> new LetterLottery.Address(Long.toString(a.getId()), a.getArea(),
                a.getHouseholdKey())).toList();
    }

    /**
     * Commits to the letter draw before it happens: how many letters, whether they are split across areas in
     * proportion, and the seed, of which only the SHA-256 is published now (the seed once the letters are drawn).
     */
    @Transactional
    public Result<LetterRound> commitLetters(Actor actor, long cycleId, int letters, boolean byArea, String seed) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT) {
            return Result.refused("refused.letters.phase");
        }
        LetterRound round = round(cycleId).orElse(null);
        if (round == null) {
            return Result.refused("refused.letters.noList");
        }
        if (round.isCommitted()) {
            return Result.refused("refused.letters.committed");
        }
        int distinct = distinctAddresses(cycleId);
        if (letters < 1 || letters > distinct) {
            return Result.refused("refused.letters.count", distinct);
        }
        if (byArea && round.getAreaColumn() == null) {
            return Result.refused("refused.letters.noArea");
        }
        if (seed == null || seed.isBlank() || seed.strip().length() > 200) {
            return Result.refused("refused.jury.seed");
        }
        String before = audit.digestOf("jury_letter_round", round.getId());
        round.committed(letters, byArea, SeedCommitment.commitment(seed.strip()), seed.strip(), clock.instant());
        audit.record(actor, "jury.lettersCommitted", "jury_letter_round", round.getId(), before,
                "letters=" + letters + "; byArea=" + byArea + "; sha256(seed)=" + round.getSeedCommitment());
        return Result.done(round);
    }

    /**
     * Draws the committed letters: deterministic from the list, the number and the seed ({@link LetterLottery});
     * every drawn address gets a new registration code from a SecureRandom ({@link LetterCode}); the seed is
     * published. Answers how many letters.
     */
    @Transactional
    public Result<Integer> drawLetters(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT) {
            return Result.refused("refused.letters.phase");
        }
        LetterRound round = round(cycleId).orElse(null);
        if (round == null || !round.isCommitted()) {
            return Result.refused("refused.letters.notCommitted");
        }
        if (round.isDrawn()) {
            return Result.refused("refused.letters.drawn");
        }
        List<LetterLottery.Address> list = lotteryList(cycleId);
        LetterLottery.Letters drawn = round.isByArea() ? LetterLottery.drawByArea(list, round.getLetters(), round.seed())
                : LetterLottery.draw(list, round.getLetters(), round.seed());
        Set<String> codes = new HashSet<>();
        int order = 0;
        for (String id : drawn.ids()) {
            LetterAddress a = em.find(LetterAddress.class, Long.valueOf(id));
            String before = audit.digestOf("jury_letter_address", a.getId());
            a.drawn(++order, newCode(codes));
            audit.record(actor, "jury.letterDrawn", "jury_letter_address", a.getId(), before, "order=" + order);
        }
        String before = audit.digestOf("jury_letter_round", round.getId());
        round.drawn(clock.instant());
        audit.record(actor, "jury.lettersDrawn", "jury_letter_round", round.getId(), before,
                "letters=" + order + "; seed=" + round.seed());
        return Result.done(order);
    }

    /** A code not given before: 31^10 codes make a clash all but impossible, but it is checked all the same. */
    private String newCode(Set<String> taken) {
        while (true) {
            String code = LetterCode.generate(random);
            if (taken.add(code) && em.createQuery("SELECT COUNT(a) FROM LetterAddress a WHERE a.code = :c", Long.class)
                    .setParameter("c", code).getSingleResult() == 0) {
                return code;
            }
        }
    }

    /**
     * The letters for the mail house (officers only; personal data): the id, the address columns, the area (if any)
     * and the printed code, in draw order. The download is noted in the audit log.
     */
    @Transactional
    public Result<String> lettersCsv(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        LetterRound round = round(cycleId).orElse(null);
        if (round == null || !round.isDrawn()) {
            return Result.refused("refused.letters.notDrawn");
        }
        List<LetterAddress> letters = letters(cycleId);
        if (letters.isEmpty() || letters.get(0).getSourceRow() == null) {
            return Result.refused("refused.letters.erased");
        }
        List<String> header = CsvLine.cells(round.getListHeader());
        List<String> columns = new ArrayList<>();
        columns.add(round.getIdColumn());
        columns.addAll(round.addressColumnList());
        if (round.getAreaColumn() != null) {
            columns.add(round.getAreaColumn());
        }
        List<String> out = new ArrayList<>(columns);
        out.add("code");
        StringBuilder csv = new StringBuilder(Csv.exportRow(out));
        for (LetterAddress a : letters) {
            List<String> cells = CsvLine.cells(a.getSourceRow());
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(cells.get(header.indexOf(c)));
            }
            row.add(LetterCode.printed(a.getCode()));
            csv.append(Csv.exportRow(row));
        }
        audit.note(actor, "jury.lettersExported", "jury_letter_round", Long.toString(round.getId()),
                "letters=" + letters.size());
        return Result.done(csv.toString());
    }

    /**
     * The letter a typed code belongs to, locked for this transaction, if it is this cycle's, drawn and not used yet;
     * else why not. Used by {@link JuryService#volunteer} before the volunteer is stored.
     */
    Result<LetterAddress> usableCode(long cycleId, String typed) {
        String code = LetterCode.parse(typed);
        if (code == null) {
            return Result.refused("refused.volunteer.code");
        }
        LetterAddress a = em.createQuery("SELECT a FROM LetterAddress a WHERE a.cycleId = :c AND a.code = :code",
                LetterAddress.class).setParameter("c", cycleId).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (a == null) {
            return Result.refused("refused.volunteer.code");
        }
        if (a.isUsed()) {
            return Result.refused("refused.volunteer.codeUsed");
        }
        return Result.done(a);
    }

    /** The letter's address cells, as the volunteer's address (joined with ", "). */
    String addressOf(LetterAddress a) {
        LetterRound round = round(a.getCycleId()).orElseThrow();
        List<String> header = CsvLine.cells(round.getListHeader());
        List<String> cells = CsvLine.cells(a.getSourceRow());
        return String.join(", ", round.addressColumnList().stream().map(c -> cells.get(header.indexOf(c)).strip())
                .filter(s -> !s.isEmpty()).toList());
    }

    /** Marks the code used by this volunteer (in the caller's transaction, audited). */
    void registered(Actor actor, LetterAddress a, long volunteerId) {
        String before = audit.digestOf("jury_letter_address", a.getId());
        a.registered(volunteerId, clock.instant());
        audit.record(actor, "jury.letterCodeUsed", "jury_letter_address", a.getId(), before,
                "volunteer=" + volunteerId);
    }

    /** Letters sent and registrations: overall and per area (areas in name order; none when not split). */
    public record Response(int addresses, int letters, int registered, List<AreaResponse> areas) {
        /** Registrations per letter, in per cent with one decimal; 0 before any letter. */
        public String rate() {
            return AreaResponse.percent(registered, letters);
        }
    }

    public record AreaResponse(String area, int letters, int registered) {
        public String rate() {
            return percent(registered, letters);
        }

        static String percent(int part, int whole) {
            return whole == 0 ? "0.0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * part / whole);
        }
    }

    /** The response to the letters (public figures: counts only). Empty when the cycle has no letter round. */
    public Optional<Response> response(long cycleId) {
        Optional<LetterRound> round = round(cycleId);
        if (round.isEmpty()) {
            return Optional.empty();
        }
        List<LetterAddress> letters = letters(cycleId);
        Map<String, int[]> byArea = new LinkedHashMap<>();
        if (round.get().getAreaColumn() != null) {
            letters.stream().map(LetterAddress::getArea).sorted().forEach(a -> byArea.putIfAbsent(a, new int[2]));
            for (LetterAddress a : letters) {
                int[] counts = byArea.get(a.getArea());
                counts[0]++;
                counts[1] += a.isUsed() ? 1 : 0;
            }
        }
        List<AreaResponse> areas = byArea.entrySet().stream()
                .map(e -> new AreaResponse(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return Optional.of(new Response(round.get().getAddressCount(), letters.size(),
                (int) letters.stream().filter(LetterAddress::isUsed).count(), areas));
    }

    /**
     * Retention: every line of the cycle's address list loses its address, id, household key and code (audited);
     * the area, the place in the draw and the link to the pseudonymous volunteer stay for the response figures.
     * Answers how many lines. In the caller's transaction.
     */
    int erase(Actor actor, long cycleId) {
        int erased = 0;
        for (LetterAddress a : addresses(cycleId)) {
            if (a.getSourceRow() == null && a.getCode() == null) {
                continue;
            }
            String before = audit.digestOf("jury_letter_address", a.getId());
            a.erase();
            audit.record(actor, "jury.letterAddressErased", "jury_letter_address", a.getId(), before, null);
            erased++;
        }
        return erased;
    }
}
