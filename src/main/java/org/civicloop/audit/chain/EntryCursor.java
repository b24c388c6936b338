package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The audit entries after a given seq, in order, read a page at a time (keyset paging on seq), so that neither
 * driver holds the whole log in memory (a plain query makes the PostgreSQL driver load every row, and H2 spill them
 * to a temporary file): a million entries verify in constant memory (docs/performance.md). Columns as in
 * {@link #COLUMNS}: 1 seq, 2 recorded_at, 3 actor, 4 action, 5 entity_type, 6 entity_id, 7 before_digest,
 * 8 after_digest, 9 detail, 10 prev_hash, 11 hash.
 */
final class EntryCursor implements AutoCloseable {

    static final String COLUMNS = "seq, recorded_at, actor, action, entity_type, entity_id, before_digest,"
            + " after_digest, detail, prev_hash, hash";
    private static final int PAGE = 10_000;

    private final PreparedStatement query;
    private ResultSet page;
    private int inPage;
    private long last;

    EntryCursor(Connection c, long after) throws SQLException {
        this.query = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq"
                + " FETCH FIRST " + PAGE + " ROWS ONLY");
        this.last = after;
    }

    boolean next() throws SQLException {
        while (true) {
            if (page == null) {
                query.setLong(1, last);
                page = query.executeQuery();
                inPage = 0;
            }
            if (page.next()) {
                inPage++;
                last = page.getLong(1);
                return true;
            }
            page.close();
            page = null;
            if (inPage < PAGE) {
                return false;
            }
        }
    }

    long getLong(int column) throws SQLException {
        return page.getLong(column);
    }

    String getString(int column) throws SQLException {
        return page.getString(column);
    }

    @Override
    public void close() throws SQLException {
        if (page != null) {
            page.close();
        }
        query.close();
    }
}
