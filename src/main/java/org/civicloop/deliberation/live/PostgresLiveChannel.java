package org.civicloop.deliberation.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Live fan-out across servers: several Liberty servers share one PostgreSQL database, and a change committed on one
 * must reach the screens connected to all of them. A change is announced with {@code NOTIFY civicloop_live, '<session
 * id>'} (a few bytes, never the state); every server keeps one connection of its own that {@code LISTEN}s on that
 * channel, in a managed thread, and when a session that some of its screens follow is named, renders the state from
 * the database and publishes it to them ({@link LivePublisher#publishHere}), exactly as a single server does.
 * <p>
 * On by itself when the database is PostgreSQL ({@code civicloop.live.fanout=auto}, the default); {@code local}
 * keeps every update inside the server that made it (one server only). On H2 there is only ever one server and the
 * in-JVM {@link InJvmLiveBus} is all there is. The listening connection is a plain JDBC connection (not from the
 * pool: it is held for the server's lifetime) made with the data source's own URL and user, and the password
 * {@code civicloop.db.password}. When it breaks, it is made again (0.5 s, doubling to 10 s), and every session this
 * server's screens follow is published once more, since notifications sent meanwhile are lost.
 */
@ApplicationScoped
public class PostgresLiveChannel {

    static final String CHANNEL = "civicloop_live";
    private static final Logger LOG = Logger.getLogger(PostgresLiveChannel.class.getName());
    private static final int WAIT_MILLIS = 5_000;

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;
    @Resource
    ManagedThreadFactory threads;
    @Resource
    ManagedExecutorService executor;
    @Inject
    LivePublisher publisher;
    @Inject
    InJvmLiveBus local;
    @Inject
    @ConfigProperty(name = "civicloop.live.fanout", defaultValue = "auto")
    String mode;
    @Inject
    @ConfigProperty(name = "civicloop.db.password", defaultValue = "")
    String password;

    private volatile boolean decided;
    private volatile boolean active;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private volatile Thread listener;
    private String url;
    private String user;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        start();
    }

    synchronized void start() {
        try {
            choose();
        } finally {
            decided = true;
        }
    }

    private void choose() {
        if (running) {
            return;
        }
        String chosen = mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        if ("local".equals(chosen)) {
            LOG.info("Live updates stay inside this server (civicloop.live.fanout=local).");
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
                LOG.info(() -> "Live updates stay inside this server (database: " + productName(meta) + ").");
                return;
            }
            url = meta.getURL();
            user = meta.getUserName();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not tell which database this is; live updates stay inside this server", e);
            return;
        }
        running = true;
        active = true;
        Thread t = threads.newThread(this::listen);
        t.setName("civicloop-live-listen");
        t.setDaemon(true);
        listener = t;
        t.start();
        LOG.info("Live updates go to every server through PostgreSQL LISTEN/NOTIFY (channel " + CHANNEL + ").");
    }

    private static String productName(DatabaseMetaData meta) {
        try {
            return meta.getDatabaseProductName();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    /** Whether changes are announced to every server through PostgreSQL (otherwise each server publishes its own). */
    public boolean active() {
        return active;
    }

    /** Whether the server has chosen between the two (on start). */
    public boolean decided() {
        return decided;
    }

    /** Whether this server's listening connection is up now (health and tests). */
    public boolean listening() {
        return listening;
    }

    /**
     * Tells every server (this one too) that the session changed. A transaction of its own: callers are after-commit
     * observers, and PostgreSQL delivers the notification when it commits.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void announce(long sessionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, Long.toString(sessionId));
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("NOTIFY failed: " + e.getMessage(), e);
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                backoff = 500;
                LOG.fine("Listening for live updates from every server");
                // Whatever was announced while this server was not listening is lost: publish afresh.
                for (long sessionId : local.watchedSessions()) {
                    dispatch(sessionId);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received == null || received.length == 0) {
                        if (!c.isValid(5)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                        continue;
                    }
                    Set<Long> sessions = new LinkedHashSet<>();
                    for (PGNotification n : received) {
                        try {
                            sessions.add(Long.parseLong(n.getParameter().strip()));
                        } catch (NumberFormatException e) {
                            LOG.fine(() -> "Ignored a live notification that names no session: " + n.getParameter());
                        }
                    }
                    sessions.forEach(this::dispatch);
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                LOG.log(Level.WARNING, "Lost the live-update connection to PostgreSQL (" + e.getMessage()
                        + "); trying again in " + backoff + " ms", e instanceof SQLException ? null : e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    /** A plain connection of its own (held for as long as the server runs; the pool is for short work). */
    private Connection open() throws SQLException {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "civicloop-live");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private void dispatch(long sessionId) {
        if (!local.hasListeners(sessionId)) {
            return;
        }
        try {
            executor.execute(() -> publisher.publishHere(sessionId));
        } catch (RejectedExecutionException e) {
            LOG.fine("The server is stopping: live update not published");
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        active = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the listening connection", e);
            }
        }
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }
}
