package org.civicloop.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.civicloop.audit.chain.Checkpoint;
import org.civicloop.audit.chain.Pseudonyms;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's two audit secrets: the Ed25519 key that signs checkpoints of the chain's head, and the HMAC key of
 * residents' pseudonyms. Each comes from MicroProfile Config when set ({@code civicloop.audit.signingKey} with
 * {@code civicloop.audit.publicKey}; {@code civicloop.audit.pseudonymKey}); otherwise it is generated once, on
 * first use, and kept in the database (table {@code audit_key}), so that every server on the same database shares
 * it and a restart keeps it. See docs/audit.md.
 */
@ApplicationScoped
public class AuditKeys {

    static final String SIGNING = "checkpoint-ed25519";
    static final String PSEUDONYM = "resident-pseudonym";

    @Inject
    AuditKeyStore store;
    @Inject
    @ConfigProperty(name = "civicloop.audit.origin", defaultValue = "civicloop")
    String origin;
    @Inject
    @ConfigProperty(name = "civicloop.audit.signingKey")
    Optional<String> configuredSigningKey;
    @Inject
    @ConfigProperty(name = "civicloop.audit.publicKey")
    Optional<String> configuredPublicKey;
    @Inject
    @ConfigProperty(name = "civicloop.audit.pseudonymKey")
    Optional<String> configuredPseudonymKey;

    private volatile PrivateKey signingKey;
    private volatile byte[] publicKeyRaw;
    private volatile Pseudonyms pseudonyms;

    /** The name of this log in its checkpoints (one printable word, e.g. the council's domain and "/audit"). */
    public String origin() {
        return origin;
    }

    public Pseudonyms pseudonyms() {
        Pseudonyms p = pseudonyms;
        if (p == null) {
            synchronized (this) {
                if (pseudonyms == null) {
                    pseudonyms = new Pseudonyms(Base64.getDecoder().decode(configuredPseudonymKey.filter(s -> !s.isBlank())
                            .orElseGet(() -> kept(PSEUDONYM, this::newPseudonymKey)[0]).strip()));
                }
                p = pseudonyms;
            }
        }
        return p;
    }

    public PrivateKey signingKey() {
        loadSigning();
        return signingKey;
    }

    /** The raw 32 bytes of the public key checkpoints are verified with. */
    public byte[] publicKeyRaw() {
        loadSigning();
        return publicKeyRaw.clone();
    }

    private synchronized void loadSigning() {
        if (signingKey != null) {
            return;
        }
        String[] pair;
        if (configuredSigningKey.filter(s -> !s.isBlank()).isPresent()) {
            pair = new String[]{configuredSigningKey.get().strip(), configuredPublicKey.orElseThrow(() ->
                    new IllegalStateException("civicloop.audit.signingKey needs civicloop.audit.publicKey")).strip()};
        } else {
            pair = kept(SIGNING, this::newSigningKey);
        }
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pair[0])));
            byte[] pub = Base64.getDecoder().decode(pair[1]);
            PublicKey publicKey = pub.length == 32 ? Checkpoint.publicKey(pub)
                    : f.generatePublic(new X509EncodedKeySpec(pub));
            publicKeyRaw = Checkpoint.raw(publicKey);
            signingKey = priv;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key is not an Ed25519 key pair (PKCS#8 and X.509,"
                    + " base64)", e);
        }
    }

    private String[] kept(String name, java.util.function.Supplier<String[]> generator) {
        String[] found = store.load(name);
        if (found != null) {
            return found;
        }
        String[] made = generator.get();
        try {
            store.create(name, made[0], made[1]);
            return made;
        } catch (RuntimeException e) {
            // Another server made it at the same moment: use that one.
            found = store.load(name);
            if (found == null) {
                throw e;
            }
            return found;
        }
    }

    private String[] newSigningKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new String[]{Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 17 platform", e);
        }
    }

    private String[] newPseudonymKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new String[]{Base64.getEncoder().encodeToString(secret), null};
    }
}
