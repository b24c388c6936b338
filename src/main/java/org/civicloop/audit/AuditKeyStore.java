package org.civicloop.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The audit keys kept in the database (table {@code audit_key}), so that every server on one database uses the same
 * keys and a restart keeps them. Each method runs in a transaction of its own: a key, once made, stays made even
 * when the action that needed it rolls back.
 */
@ApplicationScoped
public class AuditKeyStore {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /** {secret, public part} of the named key, or null when it was never made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String[] load(String name) {
        List<?> rows = em.createNativeQuery("SELECT secret, public_part FROM audit_key WHERE name = ?1")
                .setParameter(1, name).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new String[]{(String) row[0], (String) row[1]};
    }

    /** Stores a new key; fails (rolls back) when another server stored one first: read that one then. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String name, String secret, String publicPart) {
        em.createNativeQuery("INSERT INTO audit_key (name, secret, public_part, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, name).setParameter(2, secret).setParameter(3, publicPart)
                .setParameter(4, Instant.now().toString()).executeUpdate();
    }
}
