package org.civicloop.identity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.Sql;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Use cases of accounts: register, sign in, grant roles, and the first administrator from configuration. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,63}");
    /** A language tag as the language switch offers them: "en", "es", "pt-BR". */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    public static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Pbkdf2PasswordHash hasher;
    @Inject
    LoginCounters counters;

    @Inject
    @ConfigProperty(name = "civicloop.admin.username", defaultValue = "admin")
    String adminUsername;
    @Inject
    @ConfigProperty(name = "civicloop.admin.password")
    Optional<String> adminPassword;

    /** What signing in came to. */
    public sealed interface SignIn permits SignIn.Valid, SignIn.Invalid, SignIn.Locked {
        record Valid(String username, Set<Role> roles) implements SignIn {
        }

        record Invalid() implements SignIn {
        }

        record Locked(Instant until) implements SignIn {
        }
    }

    /**
     * PBKDF2 iterations of a new password hash (each stored hash names its own, so changing this changes only hashes
     * made from then on). The integration-test servers set it low: their thousands of sign-ins are not what they test.
     */
    @Inject
    @ConfigProperty(name = "civicloop.password.iterations", defaultValue = "60000")
    int iterations;

    /** The fewest iterations the PBKDF2 implementation accepts. */
    static final int MIN_ITERATIONS = 1024;

    @jakarta.annotation.PostConstruct
    void initHasher() {
        if (iterations < MIN_ITERATIONS) {
            LOG.warning("civicloop.password.iterations=" + iterations + " is below " + MIN_ITERATIONS + "; using "
                    + MIN_ITERATIONS + ".");
        }
        Map<String, String> params = new HashMap<>();
        params.put("Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(MIN_ITERATIONS, iterations)));
        params.put("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256");
        params.put("Pbkdf2PasswordHash.SaltSizeBytes", "16");
        hasher.initialize(params);
    }

    String hash(String password) {
        return hasher.generate(password.toCharArray());
    }

    /**
     * Checks a password; counts failures and locks the account for a while after too many. The bookkeeping is done
     * by atomic updates in their own transactions, so many simultaneous sign-ins of one account (scripts using
     * HTTP Basic) never fail each other.
     */
    public SignIn signIn(String username, String password) {
        Instant now = clock.instant();
        Account account = find(normalise(username)).orElse(null);
        if (account == null || !account.isActive()) {
            // Spend the same effort as a real check, so timing does not tell which user names exist.
            hash(password == null ? "" : password);
            return new SignIn.Invalid();
        }
        if (account.isLocked(now)) {
            return new SignIn.Locked(account.getLockedUntil());
        }
        if (password != null && hasher.verify(password.toCharArray(), account.getPasswordHash())) {
            if (account.getFailedLogins() > 0 || account.getLastLoginAt() == null
                    || account.getLastLoginAt().isBefore(now.minusSeconds(600))) {
                counters.succeeded(account.getUsername(), now);
            }
            return new SignIn.Valid(account.getUsername(), account.roles());
        }
        Instant lockedUntil = counters.failed(account.getUsername(), now, Account.MAX_FAILED_LOGINS,
                now.plus(Account.LOCKOUT));
        return lockedUntil != null ? new SignIn.Locked(lockedUntil) : new SignIn.Invalid();
    }

    /** A resident registers an account of their own. */
    @Transactional
    public Result<Account> registerResident(String username, String displayName, String email, String password) {
        return create(Actor.anonymous(), username, displayName, email, password, EnumSet.of(Role.RESIDENT), false);
    }

    /** An administrator creates an account with the given roles. */
    @Transactional
    public Result<Account> createAccount(Actor admin, String username, String displayName, String email,
                                         String password, Set<Role> roles) {
        if (!admin.has(Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        return create(admin, username, displayName, email, password, roles, false);
    }

    /** Demo accounts exist only in the demo data. */
    @Transactional
    public Account createDemoAccount(String username, String displayName, String password, Set<Role> roles) {
        return create(Actor.system(), username, displayName, username + "@demo.civicloop.invalid", password, roles,
                true).value();
    }

    private Result<Account> create(Actor actor, String username, String displayName, String email, String password,
                                   Set<Role> roles, boolean demo) {
        String name = normalise(username);
        if (name == null || !USERNAME.matcher(name).matches()) {
            return Result.refused("refused.username.invalid");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            return Result.refused("refused.displayName.invalid");
        }
        if (email != null && !email.isBlank() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            return Result.refused("refused.email.invalid");
        }
        Result<Void> strong = checkPasswordPolicy(password, name);
        if (!strong.isDone()) {
            return strong.map(v -> null);
        }
        if (find(name).isPresent()) {
            return Result.refused("refused.username.taken");
        }
        Account account = new Account(name, displayName.strip(), email == null || email.isBlank() ? null : email.strip(),
                hash(password), roles, demo, clock.instant());
        em.persist(account);
        em.flush();
        audit.record(actor.isAnonymous() ? new Actor(name, roles) : actor, "account.created", "account",
                account.auditEntityId(), null, "roles=" + Account.encode(roles));
        return Result.done(account);
    }

    /**
     * The password policy (NIST SP 800-63B): at least 12 characters, not the user name, not all one character, and
     * not a commonly used password ({@link CommonPasswords}). Every way a password is set (registration, accounts an
     * administrator creates, the first administrator) goes through here.
     */
    public static Result<Void> checkPasswordPolicy(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Result.refused("refused.password.short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 200) {
            return Result.refused("refused.password.long");
        }
        if (password.equalsIgnoreCase(username) || password.chars().distinct().count() < 4) {
            return Result.refused("refused.password.weak");
        }
        if (CommonPasswords.isCommon(password, username)) {
            return Result.refused("refused.password.common");
        }
        return Result.done(null);
    }

    @Transactional
    public Result<Account> grantRole(Actor admin, String username, Role role) {
        if (!admin.has(Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Account account = find(normalise(username)).orElse(null);
        if (account == null) {
            return Result.refused("refused.account.unknown");
        }
        String before = audit.digestOf("account", account.auditEntityId());
        account.grant(role);
        audit.record(admin, "account.roleGranted", "account", account.auditEntityId(), before, "role=" + role);
        return Result.done(account);
    }

    /**
     * A signed-in person chooses the language of the pages (and of the mails sent to them): kept on their account
     * so that it follows them to any browser. {@code language} is a language tag the caller has checked against the
     * languages the site offers. Choosing the language already kept changes nothing.
     */
    @Transactional
    public Result<Account> chooseLanguage(Actor actor, String language) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            return Result.refused("refused.language.unknown");
        }
        Account account = find(actor.username()).orElse(null);
        if (account == null) {
            return Result.refused("refused.account.unknown");
        }
        if (language.equals(account.getLocale())) {
            return Result.done(account);
        }
        String before = audit.digestOf("account", account.auditEntityId());
        account.setLocale(language);
        audit.record(actor, "account.languageChosen", "account", account.auditEntityId(), before, "language=" + language);
        return Result.done(account);
    }

    /** The first administrator comes from configuration (civicloop.admin.username / civicloop.admin.password). */
    @Transactional
    public void ensureFirstAdmin() {
        long admins = em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.roles LIKE :r", Long.class)
                .setParameter("r", "%ADMIN%").getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            password = randomPassword();
            LOG.warning("No civicloop.admin.password is configured: the first administrator '" + adminUsername
                    + "' was given this one-time password: " + password + " (set civicloop.admin.password to choose it).");
        }
        Result<Account> created = create(Actor.system(), adminUsername, "Administrator", null, password,
                EnumSet.of(Role.ADMIN), false);
        if (!created.isDone()) {
            throw new IllegalStateException("Cannot create the first administrator: "
                    + ((Result.Refused<Account>) created).message());
        }
        LOG.info("Created the first administrator account '" + adminUsername + "'.");
    }

    static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    /**
     * The id of an active account (one not disabled) by its user name as a person types it (user names are kept in
     * lower case), for a capability that must not load the account.
     */
    public Optional<Long> activeIdOf(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Sql.first(dataSource, "SELECT id FROM account WHERE username = ? AND active = TRUE", rs -> rs.getLong(1),
                normalise(username));
    }

    /** The id of the account with this username, read without loading the account (for busy use cases). */
    public Optional<Long> idOf(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Sql.first(dataSource, "SELECT id FROM account WHERE username = ?", rs -> rs.getLong(1), username);
    }

    /** The name an account shows to others (other capabilities name people through this, never the account row). */
    public Optional<String> displayNameOf(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId)).map(Account::getDisplayName);
    }

    /** Whether the account holds this role (false for an unknown account). */
    public boolean hasRole(long accountId, Role role) {
        Account a = em.find(Account.class, accountId);
        return a != null && a.roles().contains(role);
    }

    /** How to reach an account's owner: its id, e-mail address (may be null), language (may be null), active. */
    public record Contact(long id, String email, String locale, boolean active) {
    }

    /** The contact details of the account with this username (for other capabilities' notices). */
    public Optional<Contact> contact(String username) {
        return find(username).map(a -> new Contact(a.getId(), a.getEmail(), a.getLocale(), a.isActive()));
    }

    /** The contact details of the account with this id. */
    public Optional<Contact> contact(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId))
                .map(a -> new Contact(a.getId(), a.getEmail(), a.getLocale(), a.isActive()));
    }

    public String usernameOf(long accountId) {
        Account a = em.find(Account.class, accountId);
        return a == null ? null : a.getUsername();
    }

    public List<Account> all() {
        return em.createQuery("SELECT a FROM Account a ORDER BY a.username", Account.class).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
    }

    static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
