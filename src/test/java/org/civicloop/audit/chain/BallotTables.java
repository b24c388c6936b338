package org.civicloop.audit.chain;

import java.sql.SQLException;
import java.sql.Statement;

/** The ballot tables (and the audit queue) as the verifier reads them, for tests on a bare database. */
final class BallotTables {

    private BallotTables() {
    }

    static void create(Statement st) throws SQLException {
        st.execute("CREATE TABLE ballot (id BIGINT PRIMARY KEY, cycle_id BIGINT, channel VARCHAR(10),"
                + " receipt VARCHAR(32), ranking VARCHAR(2000), superseded BOOLEAN DEFAULT FALSE, salt VARCHAR(32),"
                + " budget_id BIGINT)");
        st.execute("CREATE TABLE budget_register (budget_id BIGINT, account_id BIGINT, id BIGINT, salt VARCHAR(32))");
        st.execute("CREATE TABLE voter_register (cycle_id BIGINT, channel VARCHAR(10), account_id BIGINT, id BIGINT,"
                + " salt VARCHAR(32))");
        st.execute("CREATE TABLE audit_queue (id BIGINT PRIMARY KEY, entity_type VARCHAR(60), entity_id VARCHAR(80),"
                + " after_digest VARCHAR(64))");
    }
}
