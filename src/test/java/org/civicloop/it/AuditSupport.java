package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an outside auditor keeps of the audit log: the public entries as JSON lines, a checkpoint, the key. */
final class AuditSupport {

    private AuditSupport() {
    }

    /** Pages through GET /api/v1/audit/entries?after=SEQ&max=1000 and answers every entry, in order. */
    static List<JsonObject> allEntries(URL base) throws Exception {
        return allEntries(base, 1000);
    }

    /** The same with pages of {@code max} entries. */
    static List<JsonObject> allEntries(URL base, int max) throws Exception {
        List<JsonObject> all = new ArrayList<>();
        long after = 0;
        while (true) {
            ItSupport.Reply r = ItSupport.get(base, "/api/v1/audit/entries?after=" + after + "&max=" + max);
            assertEquals(200, r.status(), r.body());
            JsonArray page = r.array();
            if (page.isEmpty()) {
                return all;
            }
            for (JsonObject e : page.getValuesAs(JsonObject.class)) {
                all.add(e);
                after = e.getJsonNumber("seq").longValue();
            }
        }
    }

    /** The entries saved as JSON lines, one entry a line, as docs/audit.md tells. */
    static Path save(List<JsonObject> entries) throws Exception {
        Path file = Files.createTempFile("audit-entries", ".jsonl");
        List<String> lines = new ArrayList<>();
        for (JsonObject e : entries) {
            lines.add(e.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The latest signed checkpoint, saved as a file. */
    static Path latestCheckpoint(URL base) throws Exception {
        ItSupport.Reply r = ItSupport.get(base, "/api/v1/audit/checkpoints/latest");
        assertEquals(200, r.status(), r.body());
        Path file = Files.createTempFile("audit-checkpoint", ".txt");
        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
        return file;
    }

    /** The server's public key, base64 (GET /api/v1/audit/key). */
    static String key(URL base) throws Exception {
        return ItSupport.get(base, "/api/v1/audit/key").json().getString("publicKey");
    }

    /** The options of verify-audit that reach the test server's database. */
    static List<String> jdbc() {
        if ("pg".equals(ItSupport.db())) {
            return List.of("--jdbc", System.getProperty("it.pg.url"), "--user", System.getProperty("it.pg.user"));
        }
        return List.of("--jdbc", System.getProperty("it.h2.url"), "--user", "civicloop", "--password", "civicloop");
    }
}
