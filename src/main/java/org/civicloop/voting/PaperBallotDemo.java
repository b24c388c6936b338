package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo's paper ballots, made through the same use cases as an officer's: a library batch keyed twice with one
 * misread sheet settled, and a scanning service's file from a youth event, both accepted into the residents' count.
 */
@ApplicationScoped
public class PaperBallotDemo {

    private static final Actor OFFICER = new Actor("officer", EnumSet.of(Role.OFFICER));
    private static final Actor SECOND = new Actor("demo-admin", EnumSet.of(Role.ADMIN));

    @Inject
    PaperBallotService paper;
    @Inject
    Clock clock;

    public void load(long cycleId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ok(paper.issuePaperBallot(OFFICER, cycleId, null, "resident03", "Central Library"));
        List<String> sheets = List.of("Y1 Y3", "Y2 Y1 Y4", "Y3 Y4", "", "Y1 Y4 Y2", "Y4");
        long batch = ok(paper.openBatch(OFFICER, cycleId, null, "LIB-01", "Central Library, youth evening",
                today.minusDays(2), sheets.size())).getId();
        for (int i = 0; i < sheets.size(); i++) {
            ok(paper.keySheet(OFFICER, batch, i + 1, sheets.get(i)));
            // The second keyer misreads sheet 3 (a 4 taken for a 1).
            ok(paper.keySheet(SECOND, batch, i + 1, i == 2 ? "Y3 Y1" : sheets.get(i)));
        }
        ok(paper.resolveSheet(OFFICER, batch, 3, "Y3 Y4", "Checked the sheet: the second mark is a 4."));
        ok(paper.acceptBatch(OFFICER, batch));
        long scan = ok(paper.importScan(OFFICER, cycleId, null, "SCAN-01", "Skate park open day", today.minusDays(1),
                "sheet,ranking,image\n1,Y3 Y1,scan-0001.png\n2,Y3,scan-0002.png\n3,\"Y2,Y3\",scan-0003.png\n"))
                .getId();
        ok(paper.acceptBatch(OFFICER, scan));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
