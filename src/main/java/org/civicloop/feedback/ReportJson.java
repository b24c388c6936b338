package org.civicloop.feedback;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** The report snapshot as JSON: what is stored, hashed and served as open data. */
final class ReportJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private ReportJson() {
    }

    static String write(Report report) {
        return JSONB.toJson(report);
    }

    static Report read(String json) {
        return JSONB.fromJson(json, Report.class);
    }
}
