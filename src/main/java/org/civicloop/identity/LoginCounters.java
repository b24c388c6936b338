package org.civicloop.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Sign-in bookkeeping as single atomic UPDATE statements, each in its own transaction: failed attempts are counted
 * and lock the account after too many; a success clears them. (Not audited: the audit digest of an account leaves
 * these columns out.)
 */
@ApplicationScoped
public class LoginCounters {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, Instant now) {
        em.createQuery("UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = NULL, a.lastLoginAt = :now"
                + " WHERE a.username = :u").setParameter("now", now).setParameter("u", username).executeUpdate();
    }

    /** Counts a failure; answers the end of the lockout when this failure locked the account, else null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant failed(String username, Instant now, int maxFailures, Instant lockUntil) {
        em.createQuery("UPDATE Account a SET a.failedLogins = a.failedLogins + 1 WHERE a.username = :u")
                .setParameter("u", username).executeUpdate();
        int locked = em.createQuery("UPDATE Account a SET a.lockedUntil = :until, a.failedLogins = 0"
                        + " WHERE a.username = :u AND a.failedLogins >= :max")
                .setParameter("until", lockUntil).setParameter("u", username).setParameter("max", maxFailures)
                .executeUpdate();
        return locked > 0 ? lockUntil : null;
    }
}
