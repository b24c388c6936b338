package org.civicloop.eligibility;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Sql;

/**
 * What other capabilities may know of eligibility: whether an account may cast a residents' ballot or support in a
 * cycle ({@link #check}, the kernel's {@link EligibilityCheck} port, which voting and proposals call), and the cycle's
 * electorate as the public sees it ({@link #electorate}). Nobody else reads its tables. Each answer is one statement,
 * read as stored now.
 */
@ApplicationScoped
public class Eligibility implements EligibilityCheck {

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    /** A cycle's electorate as published: no identities, only the rules and counts. */
    public record ElectorateView(long cycleId, int minAge, List<String> districts, boolean byCensus, boolean byCode,
                                 boolean inPerson, long censusPeople, long verified) {
    }

    @Override
    public Verdict check(String account, long cycleId, String district) {
        Optional<String[]> row = Sql.first(dataSource, "SELECT e.districts, v.district FROM eligibility_electorate e"
                        + " LEFT JOIN eligibility_verification v ON v.cycle_id = e.id AND v.account = ? WHERE e.id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, account, cycleId);
        if (row.isEmpty()) {
            return Verdict.OPEN;
        }
        String verifiedIn = row.get()[1];
        if (verifiedIn == null) {
            return new Verdict(false, false, null, "refused.eligibility.notVerified");
        }
        if (district != null && !district.equals(verifiedIn)
                && Arrays.asList(row.get()[0].split("\n")).contains(district)) {
            return new Verdict(false, false, verifiedIn, "refused.eligibility.wrongDistrict");
        }
        return new Verdict(true, false, verifiedIn, null);
    }

    @Override
    public List<String> districts(long cycleId) {
        return electorate(cycleId).map(ElectorateView::districts).orElse(List.of());
    }

    /** The cycle's electorate, if one is defined (else the cycle is open to any signed-in resident). */
    public Optional<ElectorateView> electorate(long cycleId) {
        return Sql.first(dataSource, "SELECT e.min_age, e.districts, e.by_census, e.by_code, e.in_person,"
                        + " (SELECT COUNT(*) FROM eligibility_census c WHERE c.cycle_id = e.id),"
                        + " (SELECT COUNT(*) FROM eligibility_verification v WHERE v.cycle_id = e.id)"
                        + " FROM eligibility_electorate e WHERE e.id = ?",
                rs -> new ElectorateView(cycleId, rs.getInt(1), Arrays.asList(rs.getString(2).split("\n")),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7)), cycleId);
    }
}
