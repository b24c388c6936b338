package org.civicloop.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in that every server honours. Liberty's own sign-in token (LTPA) only works on the server that issued it:
 * another server, even with the same LTPA keys, cannot rebuild the signed-in person from it (it has no user registry
 * of its own; CivicLoop's accounts live in the database). So a sign-in also sets this cookie: the user name and an
 * expiry time, signed with HMAC-SHA256 under {@code civicloop.auth.secret} (the same on every server). A server that
 * does not know the person yet checks the signature and the expiry, then the account itself in the database (it must
 * still be active and not locked), and signs them in with their current roles. The signature also covers a digest of
 * the account's password hash, so changing the password ends every such sign-in. Signing out expires the cookie.
 * <p>
 * Without {@code civicloop.auth.secret} each server makes a random secret at start: a sign-in then holds on that
 * server only (fine for one server).
 */
@ApplicationScoped
public class SignInToken {

    public static final String COOKIE = "CIVICLOOPAUTH";
    private static final Logger LOG = Logger.getLogger(SignInToken.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    AccountService accounts;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "civicloop.auth.secret")
    Optional<String> configuredSecret;
    @Inject
    @ConfigProperty(name = "civicloop.auth.minutes", defaultValue = "120")
    int minutes;

    private volatile byte[] secret;

    /** The person this token signs in, with their roles as groups, or empty when it is not (or no longer) valid. */
    public Optional<Caller> verify(String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return Optional.empty();
        }
        String username;
        long expires;
        byte[] signature;
        try {
            username = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            expires = Long.parseLong(parts[2]);
            signature = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() >= expires) {
            return Optional.empty();
        }
        Optional<Account> found = accounts.find(username.toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        if (!account.isActive() || account.isLocked(now)
                || !MessageDigest.isEqual(signature, sign(account.getUsername(), expires, account.getPasswordHash()))) {
            return Optional.empty();
        }
        Set<String> groups = account.roles().stream().map(Enum::name).collect(Collectors.toSet());
        return Optional.of(new Caller(account.getUsername(), groups));
    }

    /** A fresh token for this account (after it signed in with its password). */
    public Optional<String> issue(String username) {
        return accounts.find(username).map(a -> {
            long expires = clock.instant().getEpochSecond() + 60L * Math.max(1, minutes);
            return "v1." + B64.encodeToString(a.getUsername().getBytes(StandardCharsets.UTF_8)) + "." + expires + "."
                    + B64.encodeToString(sign(a.getUsername(), expires, a.getPasswordHash()));
        });
    }

    public record Caller(String username, Set<String> groups) {
    }

    private byte[] sign(String username, long expires, String passwordHash) {
        try {
            byte[] credential = MessageDigest.getInstance("SHA-256")
                    .digest((passwordHash == null ? "" : passwordHash).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            mac.update(("v1\n" + username + "\n" + expires + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(credential);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    String configured = configuredSecret.map(String::strip).orElse("");
                    if (configured.length() >= 32) {
                        secret = configured.getBytes(StandardCharsets.UTF_8);
                    } else {
                        if (!configured.isEmpty()) {
                            LOG.warning("civicloop.auth.secret is shorter than 32 characters and is not used");
                        }
                        LOG.info("No civicloop.auth.secret: sign-ins hold on this server only (set the same secret"
                                + " on every server behind a load balancer).");
                        byte[] random = new byte[32];
                        new SecureRandom().nextBytes(random);
                        secret = random;
                    }
                }
                s = secret;
            }
        }
        return s;
    }
}
