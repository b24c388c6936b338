package org.civicloop.jury.selection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import org.civicloop.jury.selection.io.PeopleCsv;
import org.civicloop.jury.selection.io.QuotasCsv;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

/** Shared fixtures: the replication data beside the project, and small hand-made pools. */
public final class TestData {

    private TestData() {
    }

    public static Path sortitionData() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../shared/data/sortition").normalize();
        if (!Files.isDirectory(dir)) {
            // On CI the reference data is always laid beside the project: its absence is a failure, not a skip.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("reference data ../shared/data/sortition is missing: " + dir);
            }
            Assumptions.assumeTrue(false, "reference data not present: " + dir);
        }
        return dir;
    }

    public record Instance(Pool pool, Quotas quotas) {
    }

    public static Instance example(String name) throws IOException {
        Path dir = sortitionData();
        Quotas q = QuotasCsv.read(dir.resolve(name + "_categories.csv"));
        Pool p = PeopleCsv.read(dir.resolve(name + "_respondents.csv"), q, null, List.of());
        return new Instance(p, q);
    }

    /** People from lines "id feature1value feature2value [address]" with the given feature names. */
    public static Pool pool(List<String> features, String... lines) {
        List<Person> people = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            Map<String, String> values = new LinkedHashMap<>();
            for (int f = 0; f < features.size(); f++) {
                values.put(features.get(f), parts[1 + f]);
            }
            String address = parts.length > 1 + features.size() ? parts[1 + features.size()] : null;
            people.add(Person.of(parts[0], values, address));
        }
        return Pool.of(people);
    }
}
