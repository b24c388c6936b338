package org.civicloop.voting.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void arithmeticInLowestTerms() {
        Fraction a = Fraction.of(1, 3);
        Fraction b = Fraction.of(1, 6);
        assertEquals(Fraction.of(1, 2), a.add(b));
        assertEquals(Fraction.of(1, 6), a.subtract(b));
        assertEquals(Fraction.of(1, 18), a.multiply(b));
        assertEquals(Fraction.of(2), a.divide(b));
        assertEquals(Fraction.of(-2, 4), Fraction.of(1, -2));
        assertEquals("-1/2", Fraction.of(2, -4).toString());
        assertEquals("0.333333", a.toDecimalString(6));
        assertTrue(a.compareTo(b) > 0);
        assertThrows(ArithmeticException.class, () -> a.divide(Fraction.ZERO));
    }

    @Test
    void parsesDecimalsExactly() {
        assertEquals(Fraction.of(5, 2), Fraction.parse("2.50"));
        assertEquals(Fraction.of(7), Fraction.parse("7"));
        assertEquals(Fraction.of(-1, 3), Fraction.parse("-1/3"));
    }

    @Test
    void overflowFallsBackToBigIntegerAndBack() {
        Fraction big = Fraction.of(Long.MAX_VALUE, 3);
        Fraction sq = big.multiply(big);
        BigInteger n = BigInteger.valueOf(Long.MAX_VALUE);
        assertEquals(n.multiply(n), sq.numerator());
        assertEquals(BigInteger.valueOf(9), sq.denominator());
        assertEquals(big, sq.divide(big));
        assertEquals(Fraction.ONE, sq.divide(sq));
        assertEquals(sq.multiply(7).divide(7), sq);
        assertEquals(Fraction.ZERO, sq.subtract(sq));
    }

    @Test
    void randomAgainstBigIntegerArithmetic() {
        Random r = new Random(7);
        for (int i = 0; i < 20000; i++) {
            long a = r.nextLong() >> r.nextInt(60);
            long b = (r.nextLong() >> r.nextInt(60)) | 1;
            long c = r.nextLong() >> r.nextInt(60);
            long d = (r.nextLong() >> r.nextInt(60)) | 1;
            Fraction x = Fraction.of(a, b);
            Fraction y = Fraction.of(c, d);
            BigInteger ba = BigInteger.valueOf(a);
            BigInteger bb = BigInteger.valueOf(b);
            BigInteger bc = BigInteger.valueOf(c);
            BigInteger bd = BigInteger.valueOf(d);
            assertEquals(Fraction.of(ba.multiply(bd).add(bc.multiply(bb)), bb.multiply(bd)), x.add(y));
            assertEquals(Fraction.of(ba.multiply(bc), bb.multiply(bd)), x.multiply(y));
            assertEquals(ba.multiply(bd).multiply(BigInteger.valueOf(Long.signum(b) * Long.signum(d)))
                    .compareTo(bc.multiply(bb).multiply(BigInteger.valueOf(Long.signum(b) * Long.signum(d)))),
                    Integer.signum(x.compareTo(y)));
            long k = r.nextInt(1000) + 1;
            assertEquals(Fraction.of(ba.multiply(BigInteger.valueOf(k)), bb), x.multiply(k));
            assertEquals(Fraction.of(ba, bb.multiply(BigInteger.valueOf(k))), x.divide(k));
        }
    }
}
