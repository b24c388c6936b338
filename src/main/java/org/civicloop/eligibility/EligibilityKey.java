package org.civicloop.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key of the census and postal-code hashes: {@code civicloop.eligibility.key} from MicroProfile Config (at least
 * 32 characters, kept out of the database, the same on every server), else a random key made once and kept in the
 * table {@code eligibility_key} (weaker: a copy of the database then holds the key too). See docs/eligibility.md.
 */
@ApplicationScoped
public class EligibilityKey {

    @Inject
    @ConfigProperty(name = "civicloop.eligibility.key")
    Optional<String> configured;
    @Inject
    Store store;

    private volatile KeyedHash hash;

    public KeyedHash hash() {
        KeyedHash h = hash;
        if (h == null) {
            synchronized (this) {
                if (hash == null) {
                    hash = new KeyedHash(secret());
                }
                h = hash;
            }
        }
        return h;
    }

    private byte[] secret() {
        Optional<String> given = configured.map(String::strip).filter(s -> !s.isEmpty());
        if (given.isPresent()) {
            if (given.get().length() < 32) {
                throw new IllegalStateException("civicloop.eligibility.key needs at least 32 characters");
            }
            return given.get().getBytes(StandardCharsets.UTF_8);
        }
        String kept = store.load();
        if (kept == null) {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            try {
                store.create(Base64.getEncoder().encodeToString(b));
            } catch (RuntimeException anotherServerWasFirst) {
                // fall through and read the one stored first
            }
            kept = store.load();
        }
        return Base64.getDecoder().decode(kept);
    }

    /** The kept key, each call in a transaction of its own (a key once made stays made). */
    @ApplicationScoped
    public static class Store {

        @PersistenceContext(unitName = "civicloop")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public String load() {
            List<?> rows = em.createNativeQuery("SELECT secret FROM eligibility_key WHERE id = 1").getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void create(String secret) {
            em.createNativeQuery("INSERT INTO eligibility_key (id, secret) VALUES (1, ?1)").setParameter(1, secret)
                    .executeUpdate();
        }
    }
}
