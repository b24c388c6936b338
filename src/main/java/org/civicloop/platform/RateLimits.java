package org.civicloop.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.civicloop.kernel.RateLimiter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits of this server node (in memory: with several nodes each counts on its own, see
 * docs/security.md). Sign-in: failed attempts are counted per account and per client address; once either is
 * spent, every sign-in for that account or from that address is refused until tokens come back (also a right
 * password, so that the answer tells a guesser nothing). Ballots: every casting attempt is counted per account
 * and per client address. Letter codes: wrong codes are counted per account and per client address.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.signIn.perAccount", defaultValue = "10")
    int signInPerAccount;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.signIn.perAddress", defaultValue = "50")
    int signInPerAddress;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.signIn.periodSeconds", defaultValue = "900")
    long signInPeriod;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.ballot.perAccount", defaultValue = "120")
    int ballotPerAccount;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.ballot.perAddress", defaultValue = "20000")
    int ballotPerAddress;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.ballot.periodSeconds", defaultValue = "60")
    long ballotPeriod;

    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.letterCode.perAccount", defaultValue = "10")
    int letterCodePerAccount;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.letterCode.perAddress", defaultValue = "100")
    int letterCodePerAddress;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.letterCode.periodSeconds", defaultValue = "3600")
    long letterCodePeriod;

    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.auditVerify.perAddress", defaultValue = "600")
    int auditVerifyPerAddress;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.auditVerify.fullPerAccount", defaultValue = "10")
    int auditFullPerAccount;
    @Inject
    @ConfigProperty(name = "civicloop.rateLimit.auditVerify.periodSeconds", defaultValue = "60")
    long auditVerifyPeriod;

    private RateLimiter auditVerifyAddresses;
    private RateLimiter auditFullAccounts;
    private RateLimiter letterCodeAccounts;
    private RateLimiter letterCodeAddresses;
    private RateLimiter signInAccounts;
    private RateLimiter signInAddresses;
    private RateLimiter ballotAccounts;
    private RateLimiter ballotAddresses;

    @PostConstruct
    void create() {
        signInAccounts = new RateLimiter(signInPerAccount, Duration.ofSeconds(signInPeriod));
        signInAddresses = new RateLimiter(signInPerAddress, Duration.ofSeconds(signInPeriod));
        ballotAccounts = new RateLimiter(ballotPerAccount, Duration.ofSeconds(ballotPeriod));
        ballotAddresses = new RateLimiter(ballotPerAddress, Duration.ofSeconds(ballotPeriod));
        auditVerifyAddresses = new RateLimiter(auditVerifyPerAddress, Duration.ofSeconds(auditVerifyPeriod));
        auditFullAccounts = new RateLimiter(auditFullPerAccount, Duration.ofSeconds(auditVerifyPeriod));
        letterCodeAccounts = new RateLimiter(letterCodePerAccount, Duration.ofSeconds(letterCodePeriod));
        letterCodeAddresses = new RateLimiter(letterCodePerAddress, Duration.ofSeconds(letterCodePeriod));
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Empty when a sign-in may be tried now; else how long to wait. */
    public Optional<Duration> signInBlocked(String username, String address) {
        Optional<Duration> byAccount = signInAccounts.check(account(username));
        Optional<Duration> byAddress = signInAddresses.check(address);
        return longer(byAccount, byAddress);
    }

    /** Counts a failed sign-in against the account and the address. */
    public void signInFailed(String username, String address) {
        signInAccounts.consume(account(username));
        signInAddresses.consume(address);
    }

    /** Counts a casting attempt; empty when allowed, else how long to wait. */
    public Optional<Duration> ballot(String username, String address) {
        Optional<Duration> byAddress = ballotAddresses.tryAcquire(address);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return ballotAccounts.tryAcquire(account(username));
    }

    /**
     * Empty when a letter's registration code may be tried now; else how long to wait. Only wrong codes are counted
     * ({@link #letterCodeFailed}), per account and per client address, so guessing codes is hopeless
     * (docs/security.md).
     */
    public Optional<Duration> letterCodeBlocked(String username, String address) {
        return longer(letterCodeAccounts.check(account(username)), letterCodeAddresses.check(address));
    }

    /** Counts a wrong or used letter code against the account and the address. */
    public void letterCodeFailed(String username, String address) {
        letterCodeAccounts.consume(account(username));
        letterCodeAddresses.consume(address);
    }

    /** Counts a request of the public audit check from this address; empty when allowed, else how long to wait. */
    public Optional<Duration> auditVerify(String address) {
        return auditVerifyAddresses.tryAcquire(address);
    }

    /** Counts a full audit verification asked by this account; empty when allowed, else how long to wait. */
    public Optional<Duration> auditFullVerify(String username) {
        return auditFullAccounts.tryAcquire(account(username));
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    /** The 429 answer of the API: problem details and Retry-After. */
    public static jakarta.ws.rs.core.Response tooManyRequests(Duration wait, String detail) {
        return withRetryAfter(Problem.response(429, "Too Many Requests", detail), wait);
    }

    /**
     * The 429 answer of the API with the bundle's text of {@code detailKey} in the reader's language, given the
     * seconds to wait as its argument {0}.
     */
    public static jakarta.ws.rs.core.Response tooManyRequestsSaying(Duration wait, String detailKey) {
        return withRetryAfter(Problem.of(429, "Too Many Requests", detailKey,
                String.valueOf(RateLimiter.retryAfterSeconds(wait))), wait);
    }

    private static jakarta.ws.rs.core.Response withRetryAfter(jakarta.ws.rs.core.Response problem, Duration wait) {
        return jakarta.ws.rs.core.Response.fromResponse(problem)
                .header("Retry-After", RateLimiter.retryAfterSeconds(wait)).build();
    }
}
