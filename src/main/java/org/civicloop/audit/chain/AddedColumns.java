package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns that schema migrations added to existing tables, with the value each existing row got. A row whose
 * latest audit entry was written before such a migration was digested without the column, so after an upgrade its
 * digest no longer matches, although nobody touched it. The verifier then accepts the row if it still holds what
 * the migrations gave it in every column added since, and its digest without those columns is the recorded one: an
 * upgrade raises no false alarm, while a change to any column, old or new, is still caught.
 *
 * <p>Every {@code ALTER TABLE ... ADD COLUMN} of src/main/resources/db/migration must be listed here
 * ({@code AddedColumnsTest} reads the migrations and checks it).
 */
public final class AddedColumns {

    /**
     * @param migration the Flyway version that added it, e.g. {@code V16}
     * @param defaultSql the SQL literal every existing row got ({@code DEFAULT}), or null for NULL
     */
    public record AddedColumn(String migration, String table, String column, String defaultSql) {

        int version() {
            return Integer.parseInt(migration.substring(1));
        }

        String unchanged() {
            return defaultSql == null ? column + " IS NULL" : column + " = " + defaultSql;
        }
    }

    public static final List<AddedColumn> ALL = List.of(
            add("V2", "cycle", null, "decision_maker", "partner_agencies", "ladder_level", "value_cells",
                    "counting_rule"),
            add("V2", "cycle", "TRUE", "resident_ballot"),
            add("V2", "cycle", null, "staff_hours", "skills", "engagement_cost", "feedback_channel",
                    "criteria_override", "mandate_published_at", "previous_cycle_id"),
            add("V3", "budget_option", null, "value_cells", "chain_inputs", "chain_activities", "chain_outputs",
                    "chain_outcomes", "groups_affected", "knock_on_costs", "evidence_ids"),
            add("V3", "cycle", "FALSE", "ballot_changeable"),
            add("V3", "ballot", "FALSE", "flagged", "superseded"),
            add("V5", "volunteer", null, "response"),
            add("V5", "volunteer", "FALSE", "attended"),
            add("V5", "volunteer", null, "replaces_id"),
            add("V6", "evidence_item", "'BRIEFING'", "kind"),
            add("V6", "evidence_item", "0", "latest_version"),
            add("V6", "evidence_item", "FALSE", "withdrawn"),
            add("V6", "evidence_item", null, "updated_at"),
            add("V7", "deliberation_note", null, "round_id", "holders"),
            add("V8", "recommendation", "'COUNT'", "source"),
            add("V8", "recommendation", null, "option_code"),
            add("V8", "recommendation", "0", "jury_ballots", "first_choices", "ranked_by"),
            add("V8", "recommendation", null, "minority_positions"),
            add("V8", "recommendation", "0", "resident_ballots"),
            add("V8", "recommendation", "FALSE", "resident_funded"),
            add("V8", "recommendation", null, "resident_score", "trade_off", "budget_line", "amount_committed",
                    "who_loses", "offered", "decided_by"),
            add("V8", "recommendation", "FALSE", "political"),
            add("V8", "recommendation", null, "signoff_member", "signoff_on", "signoff_recorded_by",
                    "signoff_recorded_at"),
            add("V9", "indicator_reading", null, "indicator_id", "amount", "measured_on"),
            add("V10", "ballot", "'ONLINE'", "source"),
            add("V16", "jury_setting", "'OPEN'", "volunteering"),
            add("V18", "campaign_arrival", null, "server_run"),
            add("V19", "jury_draw", null, "tolerance"),
            add("V21", "ballot", null, "salt"),
            add("V21", "voter_register", null, "id", "salt", "owner_tag"),
            add("V26", "recommendation", null, "jury_score"),
            add("V29", "account", null, "audit_ref"),
            add("V34", "budget_option", null, "budget_id"),
            add("V34", "ballot", null, "budget_id"),
            add("V35", "mail_delivery", null, "account_id", "subject_key", "text_key", "args", "link"),
            add("V36", "recommendation", null, "budget_code"),
            add("V48", "paper_batch", null, "budget_id"))
            .stream().flatMap(List::stream).toList();

    private AddedColumns() {
    }

    private static List<AddedColumn> add(String migration, String table, String defaultSql, String... columns) {
        return java.util.Arrays.stream(columns).map(c -> new AddedColumn(migration, table, c, defaultSql)).toList();
    }

    /**
     * Whether the row's digest, recorded before some migrations added columns to its table, still fits the row:
     * the columns added by the newest migrations (one more migration at a time) still hold what the migration gave
     * every existing row, and the digest without them is {@code recorded}.
     */
    static boolean recordedBeforeColumnsWereAdded(Connection c, String table, String id, String recorded) {
        Map<Integer, List<AddedColumn>> byMigration = new LinkedHashMap<>();
        ALL.stream().filter(a -> a.table().equals(table))
                .sorted(Comparator.comparingInt(AddedColumn::version).reversed())
                .forEach(a -> byMigration.computeIfAbsent(a.version(), v -> new ArrayList<>()).add(a));
        Set<String> without = new HashSet<>();
        List<String> unchanged = new ArrayList<>();
        try {
            for (List<AddedColumn> migration : byMigration.values()) {
                for (AddedColumn a : migration) {
                    without.add(a.column());
                    unchanged.add(a.unchanged());
                }
                if (!holds(c, table, id, unchanged)) {
                    return false;
                }
                if (recorded.equals(RowDigest.of(c, table, id, without))) {
                    return true;
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean holds(Connection c, String table, String id, List<String> conditions) throws SQLException {
        // the table is one of the names above (no other has added columns), and so are the conditions
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE "
                + RowDigest.rowCondition(id) + " AND " + String.join(" AND ", conditions))) {
            RowDigest.bindRow(ps, 1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }
}
