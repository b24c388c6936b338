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
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.jury.selection.io.CsvDataException;
import org.civicloop.jury.selection.io.PeopleCsv;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.kernel.Csv;

/**
 * Use cases of an imported pool: officers import people from a CSV file (the Sortition Foundation's format) and
 * export them back unchanged.
 */
@ApplicationScoped
public class PoolImport {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    JuryService jury;

    /**
     * Imports volunteers from a people CSV (the Sortition Foundation's format: an id column, one column per feature
     * with quotas, any other columns such as names and address lines) while recruiting, before the draw. The people
     * join the pool without an account; every row is stored as it came and exported back unchanged (officers only).
     * {@code addressColumns} name the columns that form the address for the household rule. A second import must
     * have the same columns and new ids. Any problem (named with its line) refuses the whole file.
     */
    @Transactional
    public Result<Integer> importPool(Actor actor, long cycleId, String csv, String idColumn,
                                      List<String> addressColumns) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || jury.findDraw(cycleId).isPresent()) {
            return Result.refused("refused.pool.closed");
        }
        if (jury.quotas(cycleId).isEmpty()) {
            return Result.refused("refused.pool.noQuotas");
        }
        if (csv == null || csv.isBlank() || csv.length() > 5_000_000) {
            return Result.refused("refused.pool.csv", "empty or larger than 5 MB");
        }
        String id = idColumn == null || idColumn.isBlank() ? "id" : idColumn.strip();
        List<String> address = addressColumns == null ? List.of()
                : addressColumns.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        Pool imported;
        try {
            imported = PeopleCsv.read(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv),
                    "pool.csv", jury.selectionQuotas(cycleId), id, address);
        } catch (CsvDataException e) {
            return Result.refused("refused.pool.csv", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Result.refused("refused.pool.csv", e.getMessage());
        }
        if (imported.size() == 0) {
            return Result.refused("refused.pool.csv", "no people in the file");
        }
        JurySetting setting = jury.setting(cycleId);
        String header = CsvLine.of(imported.header());
        if (setting.getPoolHeader() != null && !setting.getPoolHeader().equals(header)) {
            return Result.refused("refused.pool.header", setting.getPoolHeader());
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        jury.personal(cycleId).forEach(p -> known.add(p.getExternalId()));
        for (int i = 0; i < imported.people().size(); i++) {
            if (known.contains(imported.people().get(i).id())) {
                return Result.refused("refused.pool.duplicate", imported.people().get(i).id());
            }
        }
        setting = jury.storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", setting.getId());
        setting.imported(header, imported.idColumn().orElse(id), address.isEmpty() ? null : CsvLine.of(imported.addressColumns()));
        audit.record(actor, "jury.poolImported", "jury_setting", setting.getId(), before,
                "people=" + imported.size() + "; sha256=" + AuditChain.sha256Hex(csv));
        for (Person person : imported.people()) {
            Volunteer v = new Volunteer(cycleId, null, true, clock.instant());
            em.persist(v);
            em.flush();
            audit.recordCreationQueued(actor, "jury.volunteerImported", "volunteer", v.getId(), "cycle=" + cycleId);
            VolunteerPersonal p = new VolunteerPersonal(v.getId(), cycleId, person.id(),
                    CsvLine.of(imported.header().stream().map(h -> person.columns().getOrDefault(h, "")).toList()),
                    null, JuryService.householdKey(imported.addressColumns().stream()
                            .map(a -> person.columns().getOrDefault(a, "")).toList()));
            em.persist(p);
            for (Map.Entry<String, String> answer : person.features().entrySet()) {
                em.persist(new VolunteerAnswer(v.getId(), answer.getKey(), answer.getValue()));
            }
            em.flush();
            audit.recordCreationQueued(actor, "jury.personalImported", "volunteer_personal", p.getId(), null);
        }
        for (VolunteerAnswer a : em.createQuery("SELECT a FROM VolunteerAnswer a WHERE a.volunteerId IN (SELECT"
                + " p.volunteerId FROM VolunteerPersonal p WHERE p.cycleId = :c AND p.externalId IN :ids)",
                VolunteerAnswer.class).setParameter("c", cycleId)
                .setParameter("ids", imported.people().stream().map(Person::id).toList()).getResultList()) {
            audit.recordCreationQueued(actor, "jury.answered", "volunteer_answer", a.getId(), null);
        }
        return Result.done(imported.size());
    }

    /**
     * The imported people as they came: the file's header, then each imported row unchanged, in import order
     * (officers only; personal data). Refused when nothing was imported or retention has deleted it.
     */
    public Result<String> importedPeopleCsv(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        JurySetting s = jury.setting(cycleId);
        List<VolunteerPersonal> rows = jury.personal(cycleId).stream().filter(p -> p.getSourceRow() != null).toList();
        if (s.getPoolHeader() == null || rows.isEmpty()) {
            return Result.refused("refused.pool.nothingImported");
        }
        // stored exactly as uploaded; written out as every export is (formula-like cells defused)
        StringBuilder out = new StringBuilder(Csv.exportRow(CsvLine.cells(s.getPoolHeader())));
        rows.forEach(p -> out.append(Csv.exportRow(CsvLine.cells(p.getSourceRow()))));
        return Result.done(out.toString());
    }
}
