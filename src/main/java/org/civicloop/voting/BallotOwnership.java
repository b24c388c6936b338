package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds a ballot to the account that cast it without storing the link: the voter's register row keeps
 * {@code owner_tag} = HMAC-SHA256(secret, receipt). Changing a ballot needs the receipt and the account whose
 * register row carries the receipt's tag. Without the secret, which never enters the database, a database reader
 * cannot compute the tags of the ballots' receipts, so cannot tell which register row (person) goes with which
 * ballot. The secret is {@code civicloop.ballot.secret}, else {@code civicloop.auth.secret} (both the same on every
 * server); with neither, each server makes one at start, and a ballot can then be changed only on the server it was
 * cast on, until that server restarts.
 */
@ApplicationScoped
public class BallotOwnership {

    private static final Logger LOG = Logger.getLogger(BallotOwnership.class.getName());

    @Inject
    @ConfigProperty(name = "civicloop.ballot.secret")
    Optional<String> ballotSecret;
    @Inject
    @ConfigProperty(name = "civicloop.auth.secret")
    Optional<String> authSecret;

    private volatile byte[] key;

    /** The tag of a receipt. */
    public String tag(String receipt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("ballot-owner-v1\n" + receipt)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code tag} (from the voter's register row) is the tag of {@code receipt}, in constant time. */
    public boolean owns(String tag, String receipt) {
        return tag != null && MessageDigest.isEqual(tag.getBytes(StandardCharsets.US_ASCII),
                tag(receipt).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    Optional<String> configured = ballotSecret.filter(s -> s.length() >= 32)
                            .or(() -> authSecret.filter(s -> s.length() >= 32));
                    if (configured.isPresent()) {
                        // Derived, so the sign-in secret itself is never used for a second purpose.
                        key = sha256("civicloop-ballot-owner\n" + configured.get());
                    } else {
                        byte[] random = new byte[32];
                        new SecureRandom().nextBytes(random);
                        key = random;
                        LOG.info("No civicloop.ballot.secret or civicloop.auth.secret: ballots can be changed only on"
                                + " the server they were cast on, until it restarts");
                    }
                }
                k = key;
            }
        }
        return k;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
