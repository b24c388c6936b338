package org.civicloop.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginBeanTest {

    @ParameterizedTest
    @CsvSource({
            "/officer/cycles.xhtml, /officer/cycles.xhtml",
            "/cycle.xhtml?id=3, /cycle.xhtml?id=3",
            "https://evil.example/, /",
            "//evil.example/x, /",
            "/\\evil.example, /",
            "javascript:alert(1), /",
            "'', /"
    })
    void afterSignInOnlyPathsOnThisSiteAreFollowed(String next, String expected) {
        LoginBean bean = new LoginBean();
        bean.setNext(next);
        assertEquals(expected, bean.safeNext());
    }
}
