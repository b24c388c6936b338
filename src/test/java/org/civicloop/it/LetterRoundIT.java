package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.jury.selection.LetterLottery;
import org.civicloop.jury.selection.model.Addresses;
import org.civicloop.kernel.Csv;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The two-stage lottery over the API: an address list is uploaded (a bad line refused with nothing changed), the
 * letter draw is committed and drawn reproducibly, the letters go to the mail house with one-time codes, residents
 * register with them (wrong, used and missing codes refused, guessing rate-limited) and the jury is drawn from them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LetterRoundIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    private static String resident(int n) {
        return ItSupport.basic(String.format("resident%02d", n), ItSupport.DEMO_PASSWORD);
    }

    /** 40 lines in three wards; line 13 is line 3's address spelled another way (one household, counted once). */
    private static String addressList() {
        StringBuilder csv = new StringBuilder("uprn,line1,postcode,ward,owner\n");
        String[] wards = {"East", "North", "West"};
        for (int i = 1; i <= 40; i++) {
            String line1 = i == 13 ? "3,  Rose  Street" : i + " Rose Street";
            String postcode = i == 13 ? "rv9 3aa" : "RV9 " + i + "AA";
            csv.append("U").append(i).append(",\"").append(line1).append("\",").append(postcode).append(',')
                    .append(wards[i <= 20 ? 0 : i <= 32 ? 1 : 2]).append(",Owner ").append(i).append('\n');
        }
        return csv.toString();
    }

    private static String volunteer(String code) {
        return "{\"consent\":true,\"answers\":{\"age\":\"young\"}" + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + "}";
    }

    private long poolSize(String cy) throws Exception {
        return get(base, cy).json().getInt("volunteers");
    }

    @Test
    void lettersAreDrawnFromTheListAndTheJuryFromThoseWhoRegisteredWithTheirCode() throws Exception {
        long id = ItSupport.recruitingCycle(base, OFFICER, "Street lighting " + System.nanoTime(),
                "Which streets get new lights?", "Residents asked for safer walks home", 30000, "Where the lights go",
                "More people walk after dark");
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,0,3\nage,old,0,3\n", "Authorization", OFFICER).status());
        String upload = cy + "/letters/addresses?idColumn=uprn&addressColumns=line1,postcode&areaColumn=ward";

        // A blank address on line 5 (the header is line 1): refused, the line named, nothing recorded.
        String head = ItSupport.awaitChained(base).getString("head");
        String bad = addressList().replace("U4,\"4 Rose Street\",RV9 4AA", "U4,\"  \",");
        ItSupport.Reply refused = ItSupport.post(base, upload, "text/csv", bad, "Authorization", OFFICER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("line ~5"), refused.body());
        assertTrue(refused.json().getString("detail").contains("address is blank"), refused.body());
        assertEquals(400, ItSupport.post(base, cy + "/letters/addresses?idColumn=uprn&addressColumns=street",
                "text/csv", addressList(), "Authorization", OFFICER).status(), "no such column");
        assertEquals(head, ItSupport.awaitChained(base).getString("head"), "nothing was recorded");
        JsonObject none = get(base, cy).json();
        assertTrue(!none.containsKey("letters") || none.isNull("letters"), "no letter round: " + none);
        assertEquals(403, ItSupport.post(base, upload, "text/csv", addressList(), "Authorization", resident(1))
                .status());

        // A first list is replaced by a second one while nothing is committed.
        String first10 = String.join("\n", addressList().lines().limit(11).toList()) + "\n";
        ItSupport.Reply firstList = ItSupport.post(base, upload, "text/csv", first10, "Authorization", OFFICER);
        assertEquals(200, firstList.status(), firstList.body());
        assertEquals(10, firstList.json().getInt("addresses"));
        ItSupport.Reply uploaded = ItSupport.post(base, upload, "text/csv", addressList(), "Authorization", OFFICER);
        assertEquals(200, uploaded.status(), uploaded.body());
        assertEquals(40, uploaded.json().getInt("addresses"));
        assertEquals(409, get(base, cy + "/letters.csv", "Authorization", OFFICER).status(), "not drawn yet");
        assertEquals(409, ItSupport.post(base, cy + "/letters/draw", "application/json", "", "Authorization",
                OFFICER).status(), "not committed yet");
        assertEquals(400, ItSupport.postJson(base, cy + "/letters/commitment",
                "{\"letters\":40,\"byArea\":true,\"seed\":\"x\"}", "Authorization", OFFICER).status(),
                "39 distinct addresses: 40 letters are too many");

        // Commit: only the seed's hash is public until the draw.
        String seed = "lights-" + System.nanoTime();
        ItSupport.Reply committed = ItSupport.postJson(base, cy + "/letters/commitment",
                "{\"letters\":10,\"byArea\":true,\"seed\":\"" + seed + "\"}", "Authorization", OFFICER);
        assertEquals(201, committed.status(), committed.body());
        assertEquals(AuditChain.sha256Hex(seed), committed.json().getString("seedCommitment"));
        JsonObject before = get(base, cy).json().getJsonObject("letters");
        assertTrue(!before.containsKey("seed") || before.isNull("seed"), before.toString());
        assertEquals(AuditChain.sha256Hex(addressList()), before.getString("listSha256"));
        assertEquals(409, ItSupport.post(base, upload, "text/csv", addressList(), "Authorization", OFFICER)
                .status(), "the list is fixed once committed");

        ItSupport.Reply drawn = ItSupport.post(base, cy + "/letters/draw", "application/json", "", "Authorization",
                OFFICER);
        assertEquals(200, drawn.status(), drawn.body());
        assertEquals(10, drawn.json().getInt("letters"));
        assertEquals(409, ItSupport.post(base, cy + "/letters/draw", "application/json", "", "Authorization",
                OFFICER).status(), "drawn once");
        JsonObject round = get(base, cy).json().getJsonObject("letters");
        assertEquals(seed, round.getString("seed"), "the seed is published with the letters");

        // The letters for the mail house: officers only, in draw order, each with its own code.
        assertEquals(403, get(base, cy + "/letters.csv", "Authorization", resident(1)).status());
        ItSupport.Reply lettersCsv = get(base, cy + "/letters.csv", "Authorization", OFFICER);
        assertEquals(200, lettersCsv.status(), lettersCsv.body());
        List<List<String>> rows = Csv.read(new StringReader(lettersCsv.body()));
        assertEquals(List.of("uprn", "line1", "postcode", "ward", "code"), rows.get(0));
        List<List<String>> letters = rows.subList(1, rows.size());
        assertEquals(10, letters.size());
        List<String> codes = letters.stream().map(r -> r.get(4)).toList();
        assertEquals(10, new HashSet<>(codes).size(), "codes are unique");
        codes.forEach(c -> assertTrue(c.matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}"), c));
        assertTrue(!lettersCsv.body().contains("Owner"), "only the address columns go to the mail house");

        // Anyone with the list re-runs the draw from the published seed: the same addresses in the same order.
        List<LetterLottery.Address> list = new ArrayList<>();
        for (List<String> r : Csv.read(new StringReader(addressList())).subList(1, 41)) {
            list.add(new LetterLottery.Address(r.get(0), r.get(3), Addresses.key(List.of(r.get(1) + " " + r.get(2)))));
        }
        LetterLottery.Letters rerun = LetterLottery.drawByArea(list, 10, seed);
        assertEquals(rerun.ids(), letters.stream().map(r -> r.get(0)).toList(), "the draw re-runs from the seed");
        assertEquals(java.util.Map.of("East", 5, "North", 3, "West", 2), rerun.perArea(),
                "19 (one address counted once), 12 and 8 of 39 addresses: 5, 3 and 2 letters");

        // Letters only from now: no code, a wrong code, a used code are refused and change nothing.
        assertEquals(200, ItSupport.put(base, cy + "/volunteering", "{\"volunteering\":\"LETTERS_ONLY\"}",
                "Authorization", OFFICER).status());
        String vol = cy + "/volunteers";
        ItSupport.Reply noCode = ItSupport.postJson(base, vol, volunteer(null), "Authorization", resident(1));
        assertEquals(400, noCode.status(), noCode.body());
        assertTrue(noCode.json().getString("detail").contains("invitation letter"), noCode.body());
        ItSupport.Reply wrong = ItSupport.postJson(base, vol, volunteer("22222-22222"), "Authorization", resident(1));
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.json().getString("detail").contains("not right"), wrong.body());
        assertEquals(0, poolSize(cy));
        String first = codes.get(0);
        ItSupport.Reply ok = ItSupport.postJson(base, vol, volunteer(first.toLowerCase().replace("-", " ")),
                "Authorization", resident(1));
        assertEquals(201, ok.status(), ok.body());
        long volunteerId = ok.json().getJsonNumber("volunteer").longValue();
        String chain = ItSupport.awaitChained(base).getString("head");
        ItSupport.Reply used = ItSupport.postJson(base, vol, volunteer(first), "Authorization", resident(2));
        assertEquals(409, used.status(), used.body());
        assertTrue(used.json().getString("detail").contains("used already"), used.body());
        assertEquals(chain, ItSupport.awaitChained(base).getString("head"), "a used code records nothing");
        assertEquals(1, poolSize(cy));

        // The letter's address is the volunteer's household (the one the list's line had).
        try (java.sql.Connection c = ItSupport.connect();
             var ps = c.prepareStatement("SELECT p.household_key, a.household_key, a.external_id FROM"
                     + " volunteer_personal p JOIN jury_letter_address a ON a.volunteer_id = p.volunteer_id"
                     + " WHERE p.volunteer_id = ?")) {
            ps.setLong(1, volunteerId);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the code's letter names the volunteer");
                assertNotNull(rs.getString(1));
                assertEquals(rs.getString(2), rs.getString(1));
                assertEquals(letters.get(0).get(0), rs.getString(3));
            }
        }

        // Five more register with their codes; the jury is drawn from the registered.
        for (int i = 1; i <= 5; i++) {
            ItSupport.Reply r = ItSupport.postJson(base, vol, volunteer(codes.get(i)), "Authorization",
                    resident(2 + i));
            assertEquals(201, r.status(), r.body());
        }
        assertEquals(6, poolSize(cy));
        round = get(base, cy).json().getJsonObject("letters");
        assertEquals(10, round.getInt("sent"));
        assertEquals(6, round.getInt("registered"));
        assertEquals("60.0", round.getString("responseRate"));
        int areaLetters = 0;
        int areaRegistered = 0;
        for (JsonObject a : round.getJsonArray("areas").getValuesAs(JsonObject.class)) {
            areaLetters += a.getInt("letters");
            areaRegistered += a.getInt("registered");
            assertEquals(rerun.perArea().get(a.getString("area")).intValue(), a.getInt("letters"), a.toString());
        }
        assertEquals(10, areaLetters);
        assertEquals(6, areaRegistered);

        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":3,\"seed\":\"panel\"}",
                "Authorization", OFFICER).status());
        assertEquals(202, ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", OFFICER)
                .status());
        JsonObject status = awaitDraw(id);
        assertEquals("DONE", status.getString("state"), status.toString());
        assertEquals(3, get(base, cy).json().getJsonArray("selected").size());
        assertTrue(ItSupport.awaitChained(base).getBoolean("valid"), "every step is in the audit chain");
    }

    @Test
    void aListOfFiveThousandAddressesIsUploadedAndAThousandLettersDrawn() throws Exception {
        long id = ItSupport.recruitingCycle(base, OFFICER, "Town centre " + System.nanoTime(),
                "What should the town centre fund pay for?", "Shops asked for a say", 50000, "The fund",
                "More people visit the centre");
        String cy = "/api/v1/cycles/" + id + "/jury";
        StringBuilder csv = new StringBuilder("uprn,line1,postcode,ward\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append("T").append(i).append(',').append(i).append(" High Street,RV8 ").append(i).append("TC,Ward ")
                    .append(i % 7).append('\n');
        }
        long t0 = System.nanoTime();
        ItSupport.Reply uploaded = ItSupport.post(base, cy + "/letters/addresses?idColumn=uprn&addressColumns=line1,"
                + "postcode&areaColumn=ward", "text/csv", csv.toString(), "Authorization", OFFICER);
        long uploadMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, uploaded.status(), uploaded.body());
        assertEquals(5000, uploaded.json().getInt("addresses"));
        assertEquals(201, ItSupport.postJson(base, cy + "/letters/commitment",
                "{\"letters\":1000,\"byArea\":true,\"seed\":\"town\"}", "Authorization", OFFICER).status());
        long t1 = System.nanoTime();
        ItSupport.Reply drawn = ItSupport.post(base, cy + "/letters/draw", "application/json", "", "Authorization",
                OFFICER);
        long drawMs = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(200, drawn.status(), drawn.body());
        assertEquals(1000, drawn.json().getInt("letters"));
        long t2 = System.nanoTime();
        ItSupport.Reply letters = get(base, cy + "/letters.csv", "Authorization", OFFICER);
        long csvMs = (System.nanoTime() - t2) / 1_000_000;
        assertEquals(1001, letters.body().lines().count());
        System.out.println("Letter round on " + ItSupport.db() + ": upload of 5,000 addresses " + uploadMs
                + " ms, draw of 1,000 letters " + drawMs + " ms, letters.csv " + csvMs + " ms");
    }

    @Test
    void guessingCodesIsRateLimited() throws Exception {
        long id = ItSupport.recruitingCycle(base, OFFICER, "Bus shelters " + System.nanoTime(),
                "Which stops get shelters?", "Riders asked for cover", 10000, "Where the shelters go",
                "More people take the bus");
        String vol = "/api/v1/cycles/" + id + "/jury/volunteers";
        int refusedBeforeLimit = 0;
        ItSupport.Reply r;
        do {
            String guess = "33333-333" + org.civicloop.jury.LetterCode.ALPHABET.charAt(refusedBeforeLimit % 31)
                    + org.civicloop.jury.LetterCode.ALPHABET.charAt(refusedBeforeLimit / 31);
            r = ItSupport.postJson(base, vol, "{\"consent\":true,\"code\":\"" + guess + "\"}", "Authorization",
                    resident(14));
            refusedBeforeLimit += r.status() == 400 ? 1 : 0;
        } while (r.status() == 400 && refusedBeforeLimit < 50);
        assertEquals(429, r.status(), r.body());
        assertEquals(10, refusedBeforeLimit, "ten wrong codes an hour per account");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertEquals(0, get(base, "/api/v1/cycles/" + id + "/jury").json().getInt("volunteers"));
    }

    private JsonObject awaitDraw(long id) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            ItSupport.Reply s = get(base, "/api/v1/cycles/" + id + "/jury/draw", "Authorization", OFFICER);
            assertEquals(200, s.status(), s.body());
            if (!"RUNNING".equals(s.json().getString("state")) || System.nanoTime() > until) {
                return s.json();
            }
            Thread.sleep(100);
        }
    }
}
