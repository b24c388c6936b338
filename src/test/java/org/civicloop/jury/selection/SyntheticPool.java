package org.civicloop.jury.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicloop.jury.selection.model.Addresses;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/**
 * A deterministic, realistic volunteer pool: 6 features with census-like population shares, a pool skewed towards
 * older and more educated volunteers (as real respondent pools are), and about a fifth of the people sharing an
 * address with someone else. Quotas are derived from the population shares with {@link Quotas#fromShares}.
 */
public final class SyntheticPool {

    private SyntheticPool() {
    }

    /** Population shares (for quotas). */
    public static Map<String, Map<String, Double>> populationShares() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("gender", ordered("female", 0.51, "male", 0.48, "non-binary", 0.01));
        m.put("age", ordered("16-29", 0.20, "30-44", 0.25, "45-59", 0.25, "60-74", 0.20, "75+", 0.10));
        m.put("region", ordered("north", 0.22, "south", 0.30, "east", 0.18, "west", 0.20, "central", 0.10));
        m.put("education", ordered("none", 0.20, "secondary", 0.35, "degree", 0.30, "postgraduate", 0.15));
        m.put("ethnicity", ordered("white", 0.80, "asian", 0.09, "black", 0.05, "mixed", 0.04, "other", 0.02));
        m.put("tenure", ordered("owner", 0.63, "social", 0.17, "private", 0.20));
        return m;
    }

    /** Shares in the volunteer pool (skewed). */
    private static Map<String, Map<String, Double>> poolShares() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("gender", ordered("female", 0.55, "male", 0.44, "non-binary", 0.01));
        m.put("age", ordered("16-29", 0.10, "30-44", 0.18, "45-59", 0.27, "60-74", 0.30, "75+", 0.15));
        m.put("region", ordered("north", 0.20, "south", 0.34, "east", 0.16, "west", 0.21, "central", 0.09));
        m.put("education", ordered("none", 0.10, "secondary", 0.28, "degree", 0.38, "postgraduate", 0.24));
        m.put("ethnicity", ordered("white", 0.86, "asian", 0.06, "black", 0.03, "mixed", 0.03, "other", 0.02));
        m.put("tenure", ordered("owner", 0.72, "social", 0.10, "private", 0.18));
        return m;
    }

    private static Map<String, Double> ordered(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }

    public static Quotas quotas(int k) {
        return Quotas.fromShares(populationShares(), k, 0.0);
    }

    /**
     * @param n pool size
     * @param householdShare probability that a person joins the previous person's address (when that one is alone)
     */
    public static Pool pool(int n, double householdShare, String seed) {
        SeededRandom rng = new SeededRandom(seed);
        Map<String, Map<String, Double>> shares = poolShares();
        List<Person> people = new ArrayList<>();
        String previousAddress = null;
        boolean previousShared = false;
        for (int i = 1; i <= n; i++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (var f : shares.entrySet()) {
                double r = rng.nextDouble();
                String chosen = null;
                for (var v : f.getValue().entrySet()) {
                    chosen = v.getKey();
                    r -= v.getValue();
                    if (r < 0) {
                        break;
                    }
                }
                values.put(f.getKey(), chosen);
            }
            String address;
            if (previousAddress != null && !previousShared && rng.nextDouble() < householdShare) {
                address = previousAddress;
                previousShared = true;
            } else {
                address = (1 + rng.nextInt(400)) + " " + STREETS[rng.nextInt(STREETS.length)] + " #" + i;
                previousShared = false;
            }
            previousAddress = address;
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("id", "P" + i);
            columns.put("name", "Volunteer " + i);
            columns.putAll(values);
            columns.put("address", address);
            people.add(new Person("P" + i, values, Addresses.key(List.of(address)), columns));
        }
        List<String> header = new ArrayList<>(people.get(0).columns().keySet());
        return new Pool(header, people, "id", List.of("address"));
    }

    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Park Avenue",
        "Mill Road", "Victoria Street", "Green Lane", "Manor Road", "Kings Road", "School Lane"};
}
