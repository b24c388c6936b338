package org.civicloop.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo's electorate, made through the same use cases: residents of three districts aged 16 or over, a small census
 * of fake people, three demo residents verified by the census, one checked in person by the officer, and a few postal
 * codes issued (their printed forms are not kept anywhere).
 */
@ApplicationScoped
public class EligibilityDemo {

    /** Fake census identities (document, date of birth, postcode, district); the first four verify demo residents. */
    public static final List<String[]> CENSUS = List.of(
            new String[]{"X1234567A", "1961-03-14", "RV1 2AB", "Old Town"},
            new String[]{"Y2345678B", "1978-11-02", "RV2 3AB", "Riverside North"},
            new String[]{"Z3456789C", "1990-06-30", "RV3 4AB", "Mill Quarter"},
            new String[]{"X4567890D", "2001-01-09", "RV1 5AB", "Old Town"},
            new String[]{"Y5678901E", "1985-07-21", "RV2 6AB", "Riverside North"},
            new String[]{"Z6789012F", "1953-12-05", "RV3 7AB", "Mill Quarter"},
            new String[]{"X7890123G", "2012-04-17", "RV1 8AB", "Old Town"},
            new String[]{"Y8901234H", "1999-09-09", "RV2 2CD", "Riverside North"},
            new String[]{"Z9012345J", "1969-02-28", "RV3 3CD", "Mill Quarter"},
            new String[]{"X0123456K", "1947-10-10", "RV1 4CD", "Old Town"});

    @Inject
    EligibilityService service;
    @Inject
    Verifications verifications;

    public static String censusCsv() {
        StringBuilder b = new StringBuilder(CensusFile.HEADER).append('\n');
        for (String[] p : CENSUS) {
            b.append(String.join(",", p)).append('\n');
        }
        return b.toString();
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    /** Defines the cycle's electorate over the given districts (one a line) and verifies some demo residents. */
    @Transactional
    public void electorate(Actor officer, long cycleId, String districts) {
        ok(service.defineElectorate(officer, cycleId, 16, districts, true, true, true));
        ok(service.importCensus(officer, cycleId, censusCsv()));
        ok(service.issueCodes(officer, cycleId, "Old Town", 5));
        String[] residents = {"resident01", "resident02", "resident03"};
        for (int i = 0; i < residents.length; i++) {
            String[] p = CENSUS.get(i);
            ok(verifications.verifyByCensus(resident(residents[i]), cycleId, p[0], p[1], p[2]));
        }
        ok(verifications.verifyInPerson(officer, cycleId, "resident04", "Mill Quarter"));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
