package org.civicloop.it;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writing side of {@link DurabilityIT}, run in a child JVM that the test kills with SIGKILL. Several threads,
 * each on its own connection, commit the casting path's transaction (a voter_register row and a ballot row, together)
 * and print {@code ACK <ballot id>} on standard output once the commit has returned: a line the test has read is an
 * acknowledged ballot.
 *
 * <p>Arguments: JDBC URL, user, password, first ballot number, last ballot number (exclusive), threads. Ballot
 * number n is account {@code 1 + n % ACCOUNTS} in cycle {@code 1 + n / ACCOUNTS}; the test has created both.
 */
public final class CommitWriter {

    /** Accounts the test creates; each cycle takes this many ballots. */
    static final int ACCOUNTS = 2000;

    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        AtomicLong next = new AtomicLong(Long.parseLong(args[3]));
        long end = Long.parseLong(args[4]);
        int threads = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
        out.println("READY");
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (Connection c : connections) {
            Thread t = new Thread(() -> write(c, next, end, out));
            t.start();
            writers.add(t);
        }
        for (Thread t : writers) {
            t.join();
        }
        out.println("DONE");
        out.flush();
    }

    private static void write(Connection c, AtomicLong next, long end, PrintStream out) {
        Date today = Date.valueOf(LocalDate.now());
        try (PreparedStatement register = c.prepareStatement(
                     "INSERT INTO voter_register (cycle_id, channel, account_id) VALUES (?, 'RESIDENTS', ?)");
             PreparedStatement ballot = c.prepareStatement("INSERT INTO ballot (id, cycle_id, channel, receipt,"
                     + " ranking, cast_on, flagged, superseded, source) VALUES (?, ?, 'RESIDENTS', ?, ?, ?, FALSE,"
                     + " FALSE, 'ONLINE')")) {
            for (long n = next.getAndIncrement(); n < end; n = next.getAndIncrement()) {
                long cycle = 1 + n / ACCOUNTS;
                long account = 1 + n % ACCOUNTS;
                register.setLong(1, cycle);
                register.setLong(2, account);
                register.executeUpdate();
                ballot.setLong(1, n);
                ballot.setLong(2, cycle);
                ballot.setString(3, receipt(n));
                ballot.setString(4, "[" + (n % 7) + "," + (n % 5) + "," + (n % 3) + "]");
                ballot.setDate(5, today);
                ballot.executeUpdate();
                c.commit();
                synchronized (out) {
                    out.println("ACK " + n);
                    out.flush();
                }
            }
        } catch (Exception e) {
            synchronized (out) {
                out.println("ERROR " + e);
                out.flush();
            }
        }
    }

    static String receipt(long n) {
        return "D-" + n;
    }
}
