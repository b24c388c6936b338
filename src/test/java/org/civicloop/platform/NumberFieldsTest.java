package org.civicloop.platform;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberFieldsTest {

    record Mandate(String title, @PositiveOrZero @Max(1_000_000_000_000L) Long budgetAmount, Integer staffHours) {
    }

    record Round(@Min(1) @Max(240) int minutes, Long statementId) {
    }

    record Reading(@DecimalMin("-999999999999.9999") @DecimalMax("999999999999.9999") @Digits(integer = 12,
            fraction = 4) BigDecimal amount) {
    }

    record Answers(Map<String, @Min(1) @Max(5) Integer> scores, List<Round> rounds) {
    }

    private static String problem(Class<?> type, String json) {
        return NumberFields.problem(json.getBytes(StandardCharsets.UTF_8), type, Locale.ENGLISH);
    }

    private static java.lang.reflect.Type answers() {
        return Answers.class;
    }

    @Test
    void acceptableNumbersPass() {
        assertNull(problem(Mandate.class, "{\"title\":\"x\",\"budgetAmount\":50000,\"staffHours\":null}"));
        assertNull(problem(Mandate.class, "{\"title\":\"x\"}"), "absent fields are for validation to judge");
        assertNull(problem(Round.class, "{\"minutes\":240,\"statementId\":9223372036854775807}"));
        assertNull(problem(Reading.class, "{\"amount\":-12.3456}"));
        assertNull(problem(Answers.class, "{\"scores\":{\"1\":5,\"2\":1},\"rounds\":[{\"minutes\":3}]}"));
    }

    @Test
    void everyBentValueIsRefusedNamingFieldAndRange() {
        String[] money = {"1e400", "-1e400", "50000.7", "1000000000001", "-1", "9223372036854775808", "\"5\"",
                "true", "{}", "[1]"};
        for (String v : money) {
            String p = problem(Mandate.class, "{\"title\":\"x\",\"budgetAmount\":" + v + "}");
            assertTrue(p != null && p.startsWith("budgetAmount must be a whole number from 0 to 1000000000000"),
                    v + " -> " + p);
        }
        String p = problem(Mandate.class, "{\"staffHours\":2147483648}");
        assertTrue(p != null && p.contains("from -2147483648 to 2147483647"), p);
        for (String v : List.of("1000000000000", "0", "241", "1.5", "null", "\"3\"")) {
            p = problem(Round.class, "{\"minutes\":" + v + "}");
            assertTrue(p != null && p.startsWith("minutes must be a whole number from 1 to 240"), v + " -> " + p);
        }
        p = problem(Reading.class, "{\"amount\":1.23456}");
        assertTrue(p != null && p.contains("with at most 4 decimal places"), p);
        p = problem(Reading.class, "{\"amount\":1e400}");
        assertTrue(p != null && p.startsWith("amount must be a number from -999999999999.9999"), p);
        p = problem(Answers.class, "{\"scores\":{\"1\":6}}");
        assertTrue(p != null && p.startsWith("scores.1 must be a whole number from 1 to 5"), p);
        p = problem(Answers.class, "{\"rounds\":[{\"minutes\":3},{\"minutes\":1e12}]}");
        assertTrue(p != null && p.startsWith("rounds[1].minutes must be a whole number from 1 to 240"), p);
        p = NumberFields.problem("{\"minutes\":0}".getBytes(StandardCharsets.UTF_8), Round.class,
                Locale.forLanguageTag("es"));
        assertTrue(p != null && p.startsWith("minutes debe ser un número entero entre 1 y 240"), p);
    }
}
