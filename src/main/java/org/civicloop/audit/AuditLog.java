package org.civicloop.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.audit.chain.ChainVerifier;
import org.civicloop.audit.chain.CheckpointVerifier;
import org.civicloop.audit.chain.IncrementalVerifier;
import org.civicloop.audit.chain.Pseudonyms;
import org.civicloop.audit.chain.RowDigest;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.Sql;

/**
 * Appends to the hash-chained audit log inside the caller's transaction, so a change and its audit entry commit
 * or roll back together. The head row is locked while appending: entries form one strict sequence.
 * <p>
 * Busy actions that need no row digest (a ballot cast, a juror's input) use {@link #noteQueued} or {@link #recordCreationQueued} instead: their
 * entry commits with them into a queue, without touching the head, and is chained moments later by
 * {@link #chainQueued} (the {@link AuditSequencer} calls it continuously). Thus ballots do not wait for each other
 * on the head's lock, and still no action commits without its entry.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    @Inject
    Clock clock;
    @Inject
    AuditKeys keys;
    @Inject
    AuditCheckpoints checkpoints;

    /** Actions after which a checkpoint of the head is signed at once (a cycle opened or moved to its next phase). */
    static final Set<String> SIGNED_AFTER = Set.of("cycle.opened", "cycle.phaseAdvanced");
    /** A person's own participation: pseudonymous even when the person is staff. */
    static final Set<String> PERSONAL = Set.of("voting.voted", "voting.ballotChanged", "jury.volunteered",
            "jury.addressGiven", "jury.answered", "measure.trustAnswered", "feedback.optedIn", "feedback.optedOut",
            "feedback.notificationRead", "evidence.read", "account.languageChosen", "proposal.submitted",
            "proposal.supported", "proposal.supportWithdrawn", "proposal.reported", "proposal.commented",
            "proposal.commentReported", "proposal.photoAttached", "eligibility.identityUsed", "eligibility.verified");

    private volatile IncrementalVerifier incremental;
    private volatile long pseudonymsFrom;

    /** The digest of a row as stored now (pending changes of this transaction flushed first); null if absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String digestOf(String table, long id) {
        return digestOf(table, Long.toString(id));
    }

    /** {@link #digestOf(String, long)} for a row an entry names by its reference ({@link RowDigest#REF}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String digestOf(String table, String entityId) {
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            return RowDigest.of(c, table, entityId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + table + " " + entityId + " for the audit log", e);
        }
    }

    /**
     * Records that {@code actor} did {@code action} to row {@code id} of {@code table}; the row's state after the
     * change is digested here. {@code beforeDigest} is {@link #digestOf} taken before the change (null for a
     * creation).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Actor actor, String action, String table, long id, String beforeDigest, String detail) {
        return record(actor, action, table, Long.toString(id), beforeDigest, detail);
    }

    /** {@link #record(Actor, String, String, long, String, String)} for a row named by its reference. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Actor actor, String action, String table, String entityId, String beforeDigest,
                             String detail) {
        String after = digestOf(table, entityId);
        return append(chainActor(actor, action), action, table, entityId, beforeDigest, after, detail);
    }

    /** Records an action that changes no single row (e.g. a failed attempt worth keeping). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry note(Actor actor, String action, String subjectType, String subjectId, String detail) {
        return append(chainActor(actor, action), action, subjectType, subjectId, null, null, detail);
    }

    /**
     * Like {@link #note}, for busy actions: the entry commits (or rolls back) with the caller's transaction but is
     * chained shortly after, by {@link #chainQueued}, in the order the queue received it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteQueued(Actor actor, String action, String subjectType, String subjectId, String detail) {
        enqueue(now(), chainActor(actor, action), action, subjectType, subjectId, null, detail);
    }

    /**
     * Like {@link #record} for a row this transaction has just created (a juror's question, a raised hand), for
     * busy moments: the entry commits with the row and is chained shortly after. Only creations may be queued: the
     * verifier checks a row against its latest chained entry, so a change to a row already audited is recorded at
     * once with {@link #record}, which first chains whatever is queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreationQueued(Actor actor, String action, String table, long id, String detail) {
        String after = digestOf(table, id);
        enqueue(now(), chainActor(actor, action), action, table, Long.toString(id), after, detail);
    }

    /** The actor of a ballot's own entries: never the voter (who voted is in the register's entries). */
    public static final String BALLOT_BOX = "(ballot box)";

    /**
     * Like {@link #recordCreationQueued}, for a ballot just stored: the entry names no actor but
     * {@value #BALLOT_BOX} and only the day (the ballot row keeps only the day), and the sequencer chains the ballots
     * of each batch after its other entries, in random order (by their random ids), so that neither the actor nor the
     * time nor the position links a ballot to the register entry of the person who cast it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBallotQueued(String action, long ballotId, String detail) {
        String after = digestOf("ballot", ballotId);
        String day = clock.instant().truncatedTo(ChronoUnit.DAYS).toString();
        enqueue(day, BALLOT_BOX, action, "ballot", Long.toString(ballotId), after, detail);
    }

    /**
     * Chains queued entries, oldest first, at most {@code max} of them, in a transaction of its own; answers how
     * many. Cheap when the queue is empty: the head is locked only when there is something to chain.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int chainQueued(int max) {
        if (Sql.first(dataSource, "SELECT id FROM audit_queue ORDER BY id FETCH FIRST 1 ROWS ONLY", rs -> 1)
                .isEmpty()) {
            return 0;
        }
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        return chainQueued(head, max);
    }

    /** Entries waiting in the queue (committed, not yet chained). */
    public long queued() {
        return Sql.first(dataSource, "SELECT COUNT(*) FROM audit_queue", rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * Leaves an entry in the queue, in the caller's transaction (plain JDBC on its connection: a busy path, and no
     * entity to watch until commit). Its id, from a sequence, is the order in which it will be chained.
     */
    private void enqueue(String at, String actor, String action, String type, String id, String after,
                         String detail) {
        Sql.update(dataSource, "INSERT INTO audit_queue (id, recorded_at, actor, action, entity_type, entity_id,"
                + " after_digest, detail) VALUES (nextval('audit_queue_seq'), ?, ?, ?, ?, ?, ?, ?)", at, actor, action,
                type, id, after, trim(detail));
    }

    /** A queued entry as read back by {@link #chainQueued(AuditHead, int)}. */
    private record Queued(long id, String at, String actor, String action, String type, String entityId,
                          String after, String detail) {
    }

    /**
     * Chains up to {@code max} queued entries after the locked head: read, hashed, inserted and removed from the
     * queue in JDBC batches (one round trip per batch, not two per entry).
     */
    private int chainQueued(AuditHead head, int max) {
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            List<Queued> queued = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, recorded_at, actor, action, entity_type,"
                    + " entity_id, after_digest, detail FROM audit_queue ORDER BY id")) {
                ps.setMaxRows(max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        queued.add(new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            if (queued.isEmpty()) {
                return 0;
            }
            // Ballots last, in the order of their random ids: their place in the chain tells nothing of who cast them.
            List<Queued> ordered = new ArrayList<>(queued.size());
            queued.stream().filter(q -> !BALLOT_BOX.equals(q.actor())).forEach(ordered::add);
            queued.stream().filter(q -> BALLOT_BOX.equals(q.actor()))
                    .sorted(Comparator.comparing(Queued::entityId)).forEach(ordered::add);
            long seq = head.seq();
            String hash = head.hash();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, actor,"
                    + " action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)");
                 PreparedStatement remove = c.prepareStatement("DELETE FROM audit_queue WHERE id = ?")) {
                for (Queued q : ordered) {
                    seq++;
                    String next = AuditChain.hash(hash, seq, q.at(), q.actor(), q.action(), q.type(), q.entityId(),
                            null, q.after(), q.detail());
                    Object[] values = {seq, q.at(), q.actor(), q.action(), q.type(), q.entityId(), q.after(),
                            q.detail(), hash, next};
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.addBatch();
                    remove.setLong(1, q.id());
                    remove.addBatch();
                    hash = next;
                }
                insert.executeBatch();
                remove.executeBatch();
            }
            head.advance(seq, hash);
            return queued.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not chain the queued audit entries", e);
        }
    }

    private AuditEntry append(String actor, String action, String type, String id, String before, String after,
                              String detail) {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        // What was committed into the queue before this goes first, so the chain keeps the order of commits.
        chainQueued(head, Integer.MAX_VALUE);
        return chain(head, now(), actor, action, type, id, before, after, trim(detail));
    }

    private AuditEntry chain(AuditHead head, String at, String actor, String action, String type, String id,
                             String before, String after, String detail) {
        long seq = head.seq() + 1;
        String hash = AuditChain.hash(head.hash(), seq, at, actor, action, type, id, before, after, detail);
        AuditEntry entry = new AuditEntry(seq, at, actor, action, type, id, before, after, detail, head.hash(), hash);
        em.persist(entry);
        head.advance(seq, hash);
        if (SIGNED_AFTER.contains(action)) {
            checkpoints.signAppended(seq, hash, action + " " + type + "=" + id);
        }
        return entry;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String trim(String detail) {
        return detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    }

    /**
     * The full check: every entry and every audited row, and the stored checkpoints ({@link ChainVerifier},
     * {@link CheckpointVerifier}). Its cost grows with the log: officers and administrators ask for it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerifier.Verdict verify() {
        try (Connection c = dataSource.getConnection()) {
            return CheckpointVerifier.withStored(c, ChainVerifier.verify(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /**
     * The cheap public check ({@link IncrementalVerifier}): what was appended since the last valid check, the head,
     * the stored checkpoints, and the rows changed since; its cost does not grow with the log.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerifier.Verdict verifyPublic() {
        try (Connection c = dataSource.getConnection()) {
            return incremental().verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /** The entry the public check last found the chain valid up to. */
    public long verifiedUpTo() {
        return incremental().verifiedUpTo();
    }

    /** The public check's verifier, starting from this log's latest signed checkpoint (made on first use). */
    private IncrementalVerifier incremental() {
        IncrementalVerifier v = incremental;
        if (v == null) {
            synchronized (this) {
                if (incremental == null) {
                    incremental = new IncrementalVerifier(keys.publicKeyRaw());
                }
                v = incremental;
            }
        }
        return v;
    }

    /** Entries after {@code after}, oldest first, at most {@code max}: paging through the whole log. */
    public List<AuditEntry> after(long after, int max) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq > :a ORDER BY e.seq", AuditEntry.class)
                .setParameter("a", after).setMaxResults(max).getResultList();
    }

    /**
     * The first entry written with residents as keyed pseudonyms (set when the schema was upgraded; 1 for a log
     * begun since). Entries before it are published with their resident entries withheld.
     */
    public long pseudonymsFrom() {
        long from = pseudonymsFrom;
        if (from == 0) {
            List<?> r = em.createNativeQuery("SELECT pseudonyms_from FROM audit_format WHERE id = 1").getResultList();
            from = r.isEmpty() ? 1 : ((Number) r.get(0)).longValue();
            pseudonymsFrom = from;
        }
        return from;
    }

    /**
     * The actor as chained: staff (facilitators, officers, administrators) by name, for accountability, except in
     * their own participation as residents; every resident as a keyed pseudonym ({@link Pseudonyms}), so that no
     * published entry names a resident or lets anyone recover the name by hashing candidates. The system and
     * deliberation participants (already pseudonymous) as they are.
     */
    String chainActor(Actor actor, String action) {
        String name = actor.username();
        if (actor.equals(Actor.system()) || actor.isAnonymous() || name.startsWith("participant:")) {
            return name;
        }
        if (actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN) && !PERSONAL.contains(action)) {
            return name;
        }
        return keys.pseudonyms().of(name);
    }

    public List<AuditEntry> latest(int max) {
        return em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.seq DESC", AuditEntry.class)
                .setMaxResults(max).getResultList();
    }

    /** The audited changes of one row, oldest first. */
    public List<EntityChange> forEntity(String type, long id) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.entityType = :t AND e.entityId = :i ORDER BY e.seq",
                        AuditEntry.class)
                .setParameter("t", type).setParameter("i", Long.toString(id)).getResultList().stream()
                .map(EntityChange::of).toList();
    }

    public String headHash() {
        return em.find(AuditHead.class, 1).hash();
    }
}
