package org.civicloop.voting.count;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact, immutable rational number in lowest terms with a positive denominator.
 *
 * <p>Small values are held in two {@code long}s; any operation that would overflow falls back to
 * {@link BigInteger}s, so results are always exact. No floating point is ever used in a decision.
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    // Either big == false and (num, den) hold the value, or big == true and (bnum, bden) hold it.
    private final long num;
    private final long den;
    private final BigInteger bnum;
    private final BigInteger bden;

    private Fraction(long num, long den) {
        this.num = num;
        this.den = den;
        this.bnum = null;
        this.bden = null;
    }

    private Fraction(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bnum = num;
        this.bden = den;
    }

    public static Fraction of(long value) {
        if (value == 0) {
            return ZERO;
        }
        if (value == 1) {
            return ONE;
        }
        return new Fraction(value, 1);
    }

    public static Fraction of(BigInteger value) {
        return ofBig(value, BigInteger.ONE);
    }

    public static Fraction of(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator < 0) {
            if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
                return ofBig(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
            }
            numerator = -numerator;
            denominator = -denominator;
        }
        if (numerator == Long.MIN_VALUE) {
            return ofBig(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
        long g = gcd(Math.abs(numerator), denominator);
        return new Fraction(numerator / g, denominator / g);
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        return ofBig(numerator, denominator);
    }

    /** Parses "12", "-3", "2.50", "1/3" or "1e3"-free decimals exactly. */
    public static Fraction parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            return ofBig(new BigInteger(s.substring(0, slash).trim()), new BigInteger(s.substring(slash + 1).trim()));
        }
        BigDecimal d = new BigDecimal(s);
        if (d.scale() <= 0) {
            return of(d.toBigIntegerExact());
        }
        return ofBig(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    private static Fraction ofBig(BigInteger n, BigInteger d) {
        if (d.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        if (n.bitLength() < 63 && d.bitLength() < 63) {
            return new Fraction(n.longValue(), d.longValue());
        }
        return new Fraction(n, d);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    private boolean isBig() {
        return bnum != null;
    }

    public BigInteger numerator() {
        return isBig() ? bnum : BigInteger.valueOf(num);
    }

    public BigInteger denominator() {
        return isBig() ? bden : BigInteger.valueOf(den);
    }

    public int signum() {
        return isBig() ? bnum.signum() : Long.signum(num);
    }

    public boolean isZero() {
        return signum() == 0;
    }

    public boolean isInteger() {
        return isBig() ? bden.equals(BigInteger.ONE) : den == 1;
    }

    public Fraction add(Fraction o) {
        if (!isBig() && !o.isBig()) {
            if (den == o.den) {
                long s = num + o.num;
                if (((num ^ s) & (o.num ^ s)) >= 0) {
                    return of(s, den);
                }
            } else {
                try {
                    long g = gcd(den, o.den);
                    long d1 = den / g;
                    long n = Math.addExact(Math.multiplyExact(num, o.den / g), Math.multiplyExact(o.num, d1));
                    long d = Math.multiplyExact(d1, o.den);
                    return of(n, d);
                } catch (ArithmeticException overflow) {
                    // fall through to BigInteger
                }
            }
        }
        return ofBig(numerator().multiply(o.denominator()).add(o.numerator().multiply(denominator())),
                denominator().multiply(o.denominator()));
    }

    public Fraction negate() {
        if (!isBig() && num != Long.MIN_VALUE) {
            return new Fraction(-num, den);
        }
        return isBig() ? new Fraction(bnum.negate(), bden) : ofBig(numerator().negate(), denominator());
    }

    public Fraction subtract(Fraction o) {
        return add(o.negate());
    }

    public Fraction multiply(Fraction o) {
        if (!isBig() && !o.isBig()) {
            try {
                long g1 = gcd(Math.abs(num), o.den);
                long g2 = gcd(Math.abs(o.num), den);
                long n = Math.multiplyExact(num / g1, o.num / g2);
                long d = Math.multiplyExact(den / g2, o.den / g1);
                return of(n, d);
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return ofBig(numerator().multiply(o.numerator()), denominator().multiply(o.denominator()));
    }

    public Fraction multiply(long k) {
        if (k == 1) {
            return this;
        }
        if (!isBig() || k == 0 || k == Long.MIN_VALUE) {
            return multiply(of(k));
        }
        // n/d * k with gcd(n, d) = 1: only gcd(k, d) can cancel; computed with one small remainder
        long ak = Math.abs(k);
        long g = gcd(bden.mod(BigInteger.valueOf(ak)).longValue(), ak);
        BigInteger n = bnum.multiply(BigInteger.valueOf(k / g));
        BigInteger d = g == 1 ? bden : bden.divide(BigInteger.valueOf(g));
        return reduced(n, d);
    }

    private static Fraction reduced(BigInteger n, BigInteger d) {
        if (n.bitLength() < 63 && d.bitLength() < 63) {
            return new Fraction(n.longValue(), d.longValue());
        }
        return new Fraction(n, d);
    }

    public Fraction divide(Fraction o) {
        if (o.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (!o.isBig() && o.num != Long.MIN_VALUE) {
            return multiply(o.num < 0 ? new Fraction(-o.den, -o.num) : new Fraction(o.den, o.num));
        }
        return ofBig(numerator().multiply(o.denominator()), denominator().multiply(o.numerator()));
    }

    public Fraction divide(long k) {
        if (k == 1) {
            return this;
        }
        if (!isBig() || k <= 0 || k == Long.MIN_VALUE) {
            return divide(of(k));
        }
        // n/d / k with gcd(n, d) = 1: only gcd(n, k) can cancel
        long g = gcd(Math.abs(bnum.mod(BigInteger.valueOf(k)).longValue()), k);
        BigInteger n = g == 1 ? bnum : bnum.divide(BigInteger.valueOf(g));
        return reduced(n, bden.multiply(BigInteger.valueOf(k / g)));
    }

    public Fraction min(Fraction o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Fraction max(Fraction o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** Largest integer not greater than this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator().divideAndRemainder(denominator());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    @Override
    public int compareTo(Fraction o) {
        if (!isBig() && !o.isBig()) {
            if (den == o.den) {
                return Long.compare(num, o.num);
            }
            try {
                return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return numerator().multiply(o.denominator()).compareTo(o.numerator().multiply(denominator()));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Fraction o)) {
            return false;
        }
        if (!isBig() && !o.isBig()) {
            return num == o.num && den == o.den;
        }
        return numerator().equals(o.numerator()) && denominator().equals(o.denominator());
    }

    @Override
    public int hashCode() {
        return isBig() ? bnum.hashCode() * 31 + bden.hashCode() : Long.hashCode(num) * 31 + Long.hashCode(den);
    }

    /** Decimal rendering for display only, rounded half-up to {@code places} decimals, trailing zeros removed. */
    public String toDecimalString(int places) {
        BigDecimal d = new BigDecimal(numerator()).divide(new BigDecimal(denominator()), places, RoundingMode.HALF_UP);
        d = d.stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    /** Exact rendering: "7" or "7/3". */
    @Override
    public String toString() {
        return isInteger() ? numerator().toString() : numerator() + "/" + denominator();
    }
}
