package org.civicloop.jury.selection.io;

import org.civicloop.kernel.Csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.civicloop.jury.selection.TestData;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;

class CsvRoundTripTest {

    private static final String QUOTAS = "feature,value,min,max\ngender,female,1,2\ngender,male,1,2\n"
            + "age,16-29,0,2\nage,30+,1,3\n";

    private static final String PEOPLE = "\uFEFFid,first name,gender,age,address line 1,postcode,notes\n"
            + "p1,Ann,female,16-29,\"1, High St\",AB1 2CD,\"said \"\"hello\"\"\"\n"
            + "p2,Bob,Male,30+,1 high st.,ab1 2cd,\n"
            + "p3,Cy,female,30+,2 Low Rd,AB1 2CD,\"two\nlines\"\n"
            + "p4,Di,male, 30+ ,,,\n";

    @Test
    void unknownColumnsSurviveARoundTrip() throws Exception {
        Quotas q = QuotasCsv.read(new StringReader(QUOTAS), "quotas");
        Pool pool = PeopleCsv.read(new StringReader(PEOPLE), "people", q, null,
                List.of("address line 1", "postcode"));
        assertEquals(4, pool.size());
        assertEquals("id", pool.idColumn().orElseThrow());
        assertEquals("said \"hello\"", pool.get("p1").columns().get("notes"));
        assertEquals("two\nlines", pool.get("p3").columns().get("notes"));
        assertEquals("male", pool.get("p2").value("gender"), "values are matched to the quota spelling");
        assertEquals("Male", pool.get("p2").columns().get("gender"), "original cell kept");
        assertEquals(pool.get("p1").addressKey(), pool.get("p2").addressKey(), "same normalised address");
        assertNull(pool.get("p4").addressKey(), "blank address: no household");

        StringWriter out = new StringWriter();
        PeopleCsv.write(pool, pool.people(), out);
        assertEquals(PEOPLE.substring(1), out.toString(), "export must reproduce the file");
        Pool again = PeopleCsv.read(new StringReader(out.toString()), "again", q, "id",
                List.of("address line 1", "postcode"));
        for (int i = 0; i < pool.size(); i++) {
            assertEquals(pool.people().get(i), again.people().get(i));
        }
        assertEquals(List.of("first name", "notes"), List.copyOf(pool.get("p1").otherColumns(
                java.util.Set.of("id", "gender", "age", "address line 1", "postcode")).keySet()));
    }

    @Test
    void quotasInBothHeaders() throws Exception {
        Quotas sf = QuotasCsv.read(new StringReader(QUOTAS), "sf");
        Quotas replication = QuotasCsv.read(new StringReader(
                "category,feature,min,max\ngender,female,1,2\ngender,male,1,2\nage,16-29,0,2\nage,30+,1,3"), "rep");
        assertEquals(sf, replication);
        StringWriter out = new StringWriter();
        QuotasCsv.write(sf, out);
        assertEquals(QUOTAS, out.toString());
        assertEquals(1, sf.get(FeatureValue.of("age", "30+")).orElseThrow().min());
    }

    @Test
    void withoutIdColumnIdsAreRowNumbers() throws Exception {
        TestData.Instance ex = TestData.example("example_small_20");
        assertTrue(ex.pool().idColumn().isEmpty());
        assertEquals("female", ex.pool().get("1").value("gender"));
        assertEquals("conservative", ex.pool().get("1").value("leaning"));
        assertEquals("200", ex.pool().people().get(199).id());
    }

    @Test
    void badInputIsReported() {
        Quotas q = Quotas.of(org.civicloop.jury.selection.model.Quota.of("gender", "f", 0, 1));
        CsvDataException e = assertThrows(CsvDataException.class, () -> PeopleCsv.read(
                new StringReader("id,gender\n1,f\n2,x\n1,f\n"), "people.csv", q, null, List.of()));
        assertTrue(e.getMessage().contains("'x' has no quota"), e.getMessage());
        assertTrue(e.getMessage().contains("duplicate id '1'"), e.getMessage());
        assertThrows(CsvDataException.class, () -> PeopleCsv.read(new StringReader("name,gender\na,f\n"), "p",
                q, "id", List.of()));
    }
}
