package org.civicloop.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.kernel.Role;
import org.junit.jupiter.api.Test;

/** The signed sign-in cookie every server honours: what it lets in and what it does not. */
class SignInTokenTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final Map<String, Account> store = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    private final AccountService accounts = new AccountService() {
        @Override
        public Optional<Account> find(String username) {
            return Optional.ofNullable(store.get(username));
        }
    };

    private SignInToken server(String secret) {
        SignInToken t = new SignInToken();
        t.accounts = accounts;
        t.clock = clock;
        t.configuredSecret = Optional.ofNullable(secret);
        t.minutes = 120;
        return t;
    }

    private Account account(String username, Set<Role> roles) {
        Account a = new Account(username, "Name", null, "PBKDF2$hash-of-" + username, roles, false, clock.instant());
        store.put(username, a);
        return a;
    }

    @Test
    void anotherServerWithTheSameSecretSignsThePersonInWithTheirCurrentRoles() {
        account("ana", EnumSet.of(Role.RESIDENT, Role.JUROR));
        String token = server(SECRET).issue("ana").orElseThrow();
        SignInToken.Caller caller = server(SECRET).verify(token).orElseThrow();
        assertEquals("ana", caller.username());
        assertEquals(Set.of("RESIDENT", "JUROR"), caller.groups());
    }

    @Test
    void aServerWithAnotherSecretOrNoneDoesNot() {
        account("ana", EnumSet.of(Role.RESIDENT));
        String token = server(SECRET).issue("ana").orElseThrow();
        assertTrue(server("another-secret-of-at-least-thirty-two-chars").verify(token).isEmpty());
        assertTrue(server(null).verify(token).isEmpty(), "no secret: a random one per server");
        SignInToken shortSecret = server("short");
        assertTrue(shortSecret.verify(shortSecret.issue("ana").orElseThrow()).isPresent(),
                "a short secret is not used, but the server still honours its own tokens");
        assertTrue(server("short").verify(shortSecret.issue("ana").orElseThrow()).isEmpty(),
                "and no other server does");
    }

    @Test
    void aChangedUserNameExpiryOrSignatureIsRefused() {
        account("ana", EnumSet.of(Role.RESIDENT));
        account("admin", EnumSet.of(Role.ADMIN));
        SignInToken s = server(SECRET);
        String[] parts = s.issue("ana").orElseThrow().split("\\.");
        String adminName = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes());
        assertTrue(s.verify(parts[0] + "." + adminName + "." + parts[2] + "." + parts[3]).isEmpty());
        assertTrue(s.verify(parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3])
                .isEmpty());
        assertTrue(s.verify(parts[0] + "." + parts[1] + "." + parts[2] + ".AAAA" + parts[3].substring(4)).isEmpty());
        for (String junk : new String[]{null, "", "v1", "v1.x.y.z", "v2." + parts[1] + "." + parts[2] + "." + parts[3],
                "v1.%%%." + parts[2] + "." + parts[3]}) {
            assertTrue(s.verify(junk).isEmpty(), junk);
        }
    }

    @Test
    void itEndsAfterItsTimeAPasswordChangeOrWhenTheAccountIsLockedOrGone() throws Exception {
        Account ana = account("ana", EnumSet.of(Role.RESIDENT));
        SignInToken s = server(SECRET);
        String token = s.issue("ana").orElseThrow();
        clock.now = clock.now.plusSeconds(119 * 60);
        assertTrue(s.verify(token).isPresent());
        clock.now = clock.now.plusSeconds(60);
        assertTrue(s.verify(token).isEmpty(), "expired after 120 minutes");

        clock.now = Instant.parse("2026-11-23T12:00:00Z");
        ana.changePasswordHash("PBKDF2$a-new-hash");
        assertTrue(s.verify(token).isEmpty(), "a password change ends it");

        String fresh = s.issue("ana").orElseThrow();
        var locked = Account.class.getDeclaredField("lockedUntil");
        locked.setAccessible(true);
        locked.set(ana, clock.now.plusSeconds(600));
        assertTrue(s.verify(fresh).isEmpty(), "a locked account is not signed in");
        locked.set(ana, null);
        assertTrue(s.verify(fresh).isPresent());
        store.remove("ana");
        assertTrue(s.verify(fresh).isEmpty(), "an account that is gone is not signed in");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
