package org.civicloop.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time postal code (kept as a keyed hash) for a district; once used, bound to the account it verified. */
@Entity
@Table(name = "eligibility_code")
public class PostalCode {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eligibility_seq")
    @SequenceGenerator(name = "eligibility_seq", sequenceName = "eligibility_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "code_hash", nullable = false)
    private String codeHash;
    @Column(nullable = false)
    private String district;
    private String account;
    @Column(nullable = false)
    private String salt;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected PostalCode() {
    }

    PostalCode(long cycleId, String codeHash, String district, Instant at) {
        this.cycleId = cycleId;
        this.codeHash = codeHash;
        this.district = district;
        this.salt = EligibilityService.salt();
        this.issuedAt = at;
    }

    void use(String account, Instant at) {
        this.account = account;
        this.usedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getDistrict() { return district; }
    public boolean isUsed() { return account != null; }
}
