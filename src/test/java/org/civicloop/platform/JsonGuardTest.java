package org.civicloop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonGuardTest {

    private static String problem(String json) {
        return JsonGuard.problem(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedDocumentsPass() {
        assertNull(problem("{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\"}"));
        assertNull(problem("[]"));
        assertNull(problem("[".repeat(64) + "]".repeat(64)));
        assertNull(JsonGuard.problem(new byte[0]));
    }

    @Test
    @Timeout(10)
    void unterminatedDeepAndBrokenDocumentsAreRefusedQuickly() {
        assertNotNull(problem("{\"a\":" + "[".repeat(100_000)), "unterminated and deep");
        assertEquals("The request body is not valid JSON.", problem("{\"a\":" + "[".repeat(10)));
        assertEquals("The request body is nested more than 64 levels deep.",
                problem("[".repeat(65) + "]".repeat(65)));
        assertEquals("Text must not contain NUL characters (\\u0000).", problem("{\"a\":\"x\\u0000y\"}"));
        for (String bad : new String[]{"{\"a\":1}}", "{'a':1}", "{\"a\":", "nul", "[1,2", "{\"a\":NaN}"}) {
            assertNotNull(problem(bad), bad);
        }
    }
}
