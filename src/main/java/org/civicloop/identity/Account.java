package org.civicloop.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.audit.chain.RowDigest;
import org.civicloop.kernel.Role;

/** A person's account: a user name, a hashed password and roles. */
@Entity
@Table(name = "account")
public class Account {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    private String locale;
    private boolean demo;
    private boolean active = true;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** Names the account in the audit log instead of its id (random; null for accounts older than V29). */
    @Column(name = "audit_ref")
    private String auditRef;
    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, String email, String passwordHash, Set<Role> roles, boolean demo,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = encode(roles);
        this.demo = demo;
        this.createdAt = createdAt;
        byte[] ref = new byte[16];
        REFS.nextBytes(ref);
        this.auditRef = HexFormat.of().formatHex(ref);
    }

    private static final SecureRandom REFS = new SecureRandom();

    /**
     * How the audit log names this account: its random reference, so that no public entry gives away an account
     * id; accounts created before references existed keep their id.
     */
    public String auditEntityId() {
        return auditRef == null ? Long.toString(id) : RowDigest.REF + auditRef;
    }

    static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    public Set<Role> roles() {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    void grant(Role role) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles());
        set.add(role);
        roles = encode(set);
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    String getPasswordHash() { return passwordHash; }
    public String getLocale() { return locale; }
    public boolean isDemo() { return demo; }
    public boolean isActive() { return active; }
    public Instant getLockedUntil() { return lockedUntil; }
    int getFailedLogins() { return failedLogins; }
    Instant getLastLoginAt() { return lastLoginAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRolesText() { return roles; }
}
