package org.civicloop.proposal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * For the proposals load test only (the load script {@code ProposalListLoad} in the tests): fills an open
 * proposals step with thousands of proposals and their supports in a few JDBC batches, with the stored counts as
 * the use cases keep them; the search words are left NULL for the start-up filler ({@link ProposalWordsFiller}, 500
 * proposals a transaction, after the demo data), which writes them and their index rows as the use cases do. These
 * rows are not in the audit log (no use case made them): never on a real server, only when
 * civicloop.demo.proposalLoad is set on an empty database.
 */
@ApplicationScoped
public class ProposalLoadData {

    /** The districts of the load-test cycle (a city's worth, with accents, as search must handle them). */
    public static final List<String> DISTRICTS = List.of("Centro", "Arganzuela", "Retiro", "Salamanca", "Chamartín",
            "Tetuán", "Chamberí", "Fuencarral", "Moncloa", "Latina", "Carabanchel", "Usera");

    private static final String[] WHAT = {"Benches", "Street trees", "A community garden", "Covered bike parking",
        "Bancos a la sombra", "Árboles en la avenida", "Un huerto urbano", "Aparcamiento de bicicletas",
        "A playground", "Una pista de patinaje", "Public toilets", "Fuentes de agua potable", "Wider pavements",
        "Iluminación del parque", "A library corner", "Un rocódromo", "Ramps for wheelchairs", "Pasos de cebra",
        "Solar panels on the school", "Un mercado de intercambio"};
    private static final String[] WHERE = {"by the river", "junto al río", "in the market square", "en la plaza mayor",
        "near the station", "cerca de la estación", "on the high street", "en el polideportivo", "at the school gates",
        "en el jardín botánico", "behind the library", "en la calle Peñalver"};
    private static final String[] WHY = {"Older people have nowhere to rest on the way to the shops.",
        "Los niños del barrio no tienen dónde jugar después del colegio.",
        "It would make walking and cycling safer for everyone, especially in winter.",
        "En verano hace demasiado calor y no hay ninguna sombra en todo el recorrido.",
        "Neighbours have asked for this at every residents' meeting since 2022.",
        "Así los vecinos podrían reunirse, cultivar y compartir lo que cosechan.",
        "The council's own survey found it was the most wanted improvement in the area.",
        "Daría vida a una zona que ahora está vacía y poco iluminada por la noche."};

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    /**
     * Adds {@code proposals} proposals to the cycle (spread over its districts) and {@code supports} supports from
     * made-up accounts ({@code load-supporter-NNNNN}, not real accounts), skewed as real supports are: a few
     * proposals get thousands, most a handful. Runs in the caller's transaction.
     */
    public void seed(long cycleId, List<String> districts, int proposals, int supports, Instant now) {
        Random random = new Random(2027);
        int[] counts = skewed(proposals, supports, random);
        int pool = Math.max(20_000, supports / 5);
        try (Connection c = dataSource.getConnection()) {
            Ids ids = new Ids(c);
            long[] proposalIds = new long[proposals];
            try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, cycle_id, title, description,"
                    + " district, rough_cost, author, credit, salt, status, hidden, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', FALSE, ?)");
                 PreparedStatement st = c.prepareStatement("INSERT INTO proposal_stats (id, cycle_id, district,"
                         + " created_at, supports, words) VALUES (?, ?, ?, ?, ?, NULL)")) {
                for (int i = 0; i < proposals; i++) {
                    long id = ids.next();
                    proposalIds[i] = id;
                    String title = WHAT[random.nextInt(WHAT.length)] + " " + WHERE[random.nextInt(WHERE.length)]
                            + " (" + (i + 1) + ")";
                    String description = WHY[random.nextInt(WHY.length)] + " " + WHY[random.nextInt(WHY.length)]
                            + " " + WHY[random.nextInt(WHY.length)];
                    String district = districts.get(i % districts.size());
                    Timestamp at = Timestamp.from(now.minusSeconds((long) (proposals - i) * 60));
                    p.setLong(1, id);
                    p.setLong(2, cycleId);
                    p.setString(3, title);
                    p.setString(4, description);
                    p.setString(5, district);
                    p.setLong(6, 1_000L + random.nextInt(200) * 500L);
                    p.setString(7, String.format("load-proposer-%05d", i % pool));
                    p.setString(8, i % 3 == 0 ? null : "Load resident " + (i % pool));
                    p.setString(9, ProposalService.salt());
                    p.setTimestamp(10, at);
                    p.addBatch();
                    st.setLong(1, id);
                    st.setLong(2, cycleId);
                    st.setString(3, district);
                    st.setTimestamp(4, at);
                    st.setInt(5, counts[i]);
                    st.addBatch();
                    if (i % 500 == 499 || i == proposals - 1) {
                        p.executeBatch();
                        st.executeBatch();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO proposal_support (id, proposal_id, account,"
                    + " salt, created_at) VALUES (?, ?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(now);
                int batched = 0;
                for (int i = 0; i < proposals; i++) {
                    int start = random.nextInt(pool);
                    for (int k = 0; k < counts[i]; k++) {
                        s.setLong(1, ids.next());
                        s.setLong(2, proposalIds[i]);
                        s.setString(3, String.format("load-supporter-%05d", (start + k) % pool));
                        s.setString(4, ProposalService.salt());
                        s.setTimestamp(5, at);
                        s.addBatch();
                        if (++batched % 1000 == 0) {
                            s.executeBatch();
                        }
                    }
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the proposals load test", e);
        }
    }

    /** Supports per proposal, summing to {@code total}: proposal i gets a share falling with its (shuffled) rank. */
    static int[] skewed(int proposals, int total, Random random) {
        double[] w = new double[proposals];
        double sum = 0;
        for (int i = 0; i < proposals; i++) {
            w[i] = 1 / Math.pow(i + 1, 0.7);
            sum += w[i];
        }
        int[] counts = new int[proposals];
        int given = 0;
        for (int i = 0; i < proposals; i++) {
            counts[i] = (int) Math.floor(total * w[i] / sum);
            given += counts[i];
        }
        for (int i = 0; given < total; i = (i + 1) % proposals, given++) {
            counts[i]++;
        }
        for (int i = proposals - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = counts[i];
            counts[i] = counts[j];
            counts[j] = t;
        }
        return counts;
    }

    /** Ids from proposal_seq as the JPA entities take them: each value reserves it and the 49 below it. */
    private static final class Ids {
        private final Connection c;
        private final String sql;
        private long next;
        private long last = -1;

        Ids(Connection c) throws SQLException {
            this.c = c;
            this.sql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "SELECT nextval('proposal_seq')" : "SELECT NEXT VALUE FOR proposal_seq";
        }

        long next() throws SQLException {
            if (next > last) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    last = rs.getLong(1);
                    next = last - 49;
                }
            }
            return next++;
        }
    }
}
