package org.civicloop.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.civicloop.kernel.Result;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String refusal(String password, String user) {
        Result<Void> r = AccountService.checkPasswordPolicy(password, user);
        return r instanceof Result.Refused<Void> refused ? refused.key() : null;
    }

    @Test
    void shortRepeatedOrUserNamePasswordsAreRefusedWithTheirReason() {
        assertEquals("refused.password.short", refusal("short-pw", "rita"));
        assertEquals("refused.password.short", refusal(null, "rita"));
        assertEquals("refused.password.weak", refusal("aaaaaaaaaaaaaaaa", "rita"));
        assertEquals("refused.password.weak", refusal("ritaresident1", "RitaResident1"));
        assertEquals("refused.password.long", refusal("x1y2z3".repeat(40), "rita"));
        assertNull(refusal("correct horse battery", "rita"));
    }

    /** NIST SP 800-63B: commonly used passwords are refused, wherever a password is set (all go through here). */
    @Test
    void commonPasswordsAreRefused() {
        for (String common : java.util.List.of("password1234", "123456789012", "qwertyuiop123", "iloveyou1234",
                "passwordpassword", "1q2w3e4r5t6y", "abcdefghijkl", "football2024")) {
            assertEquals("refused.password.common", refusal(common, "rita"), common);
        }
        for (String fine : java.util.List.of("correct horse battery", "civicloop-demo", "a long resident passphrase",
                "load-test-password-2026", "rate-limit-test-password", "Tangerine bicycle 7 lamps")) {
            assertNull(refusal(fine, "rita"), fine);
        }
        Result.Refused<Void> r = (Result.Refused<Void>) AccountService.checkPasswordPolicy("password1234", "rita");
        assertTrue(r.message(java.util.Locale.ENGLISH).contains("most commonly used"), r.message());
        assertTrue(r.message(java.util.Locale.forLanguageTag("es")).contains("más usadas"));
    }

    @Test
    void refusalMessagesAreReadableInBothLanguages() {
        Result.Refused<Void> r = (Result.Refused<Void>) AccountService.checkPasswordPolicy("short", "rita");
        assertTrue(r.message(java.util.Locale.ENGLISH).contains("12"), r.message());
        String es = r.message(java.util.Locale.forLanguageTag("es"));
        assertTrue(es.contains("12"), es);
        assertFalse(es.equals(r.message(java.util.Locale.ENGLISH)), "translated: " + es);
    }

    @Test
    void basicCredentialsAreDecodedOrRejected() {
        String encoded = Base64.getEncoder().encodeToString("officer:pa:ss".getBytes(StandardCharsets.UTF_8));
        UsernamePasswordCredential c = CivicLoopAuthentication.decodeBasic(encoded);
        assertEquals("officer", c.getCaller());
        assertEquals("pa:ss", c.getPasswordAsString());
        assertNull(CivicLoopAuthentication.decodeBasic("not base64!"));
        assertNull(CivicLoopAuthentication.decodeBasic(Base64.getEncoder().encodeToString("nocolon".getBytes())));
    }
}
