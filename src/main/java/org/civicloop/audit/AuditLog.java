package org.civicloop.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.audit.chain.ChainVerifier;
import org.civicloop.audit.chain.RowDigest;
import org.civicloop.kernel.Actor;

/**
 * Appends to the hash-chained audit log inside the caller's transaction, so a change and its audit entry commit
 * or roll back together. The head row is locked while appending: entries form one strict sequence.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The digest of a row as stored now (pending changes of this transaction flushed first); null if absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String digestOf(String table, long id) {
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            return RowDigest.of(c, table, Long.toString(id));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + table + " " + id + " for the audit log", e);
        }
    }

    /**
     * Records that {@code actor} did {@code action} to row {@code id} of {@code table}; the row's state after the
     * change is digested here. {@code beforeDigest} is {@link #digestOf} taken before the change (null for a
     * creation).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Actor actor, String action, String table, long id, String beforeDigest, String detail) {
        String after = digestOf(table, id);
        return append(actor.username(), action, table, Long.toString(id), beforeDigest, after, detail);
    }

    /** Records an action that changes no single row (e.g. a failed attempt worth keeping). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry note(Actor actor, String action, String subjectType, String subjectId, String detail) {
        return append(actor.username(), action, subjectType, subjectId, null, null, detail);
    }

    private AuditEntry append(String actor, String action, String type, String id, String before, String after,
                              String detail) {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.seq() + 1;
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String trimmed = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        String hash = AuditChain.hash(head.hash(), seq, at, actor, action, type, id, before, after, trimmed);
        AuditEntry entry = new AuditEntry(seq, at, actor, action, type, id, before, after, trimmed, head.hash(), hash);
        em.persist(entry);
        head.advance(seq, hash);
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerifier.Verdict verify() {
        try (Connection c = dataSource.getConnection()) {
            return ChainVerifier.verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    public List<AuditEntry> latest(int max) {
        return em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.seq DESC", AuditEntry.class)
                .setMaxResults(max).getResultList();
    }

    public List<AuditEntry> forEntity(String type, long id) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.entityType = :t AND e.entityId = :i ORDER BY e.seq",
                        AuditEntry.class)
                .setParameter("t", type).setParameter("i", Long.toString(id)).getResultList();
    }

    public String headHash() {
        return em.find(AuditHead.class, 1).hash();
    }
}
