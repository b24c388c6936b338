package org.civicloop.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account verified as an eligible resident of a cycle's electorate, in a district, by one method. */
@Entity
@Table(name = "eligibility_verification")
public class Verification {

    public enum Method { CENSUS, CODE, IN_PERSON }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eligibility_seq")
    @SequenceGenerator(name = "eligibility_seq", sequenceName = "eligibility_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String account;
    @Column(nullable = false)
    private String district;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;
    @Column(name = "verified_by")
    private String verifiedBy;
    @Column(nullable = false)
    private String salt;
    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    protected Verification() {
    }

    Verification(long cycleId, String account, String district, Method method, String verifiedBy, Instant at) {
        this.cycleId = cycleId;
        this.account = account;
        this.district = district;
        this.method = method;
        this.verifiedBy = verifiedBy;
        this.salt = EligibilityService.salt();
        this.verifiedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getDistrict() { return district; }
    public Method getMethod() { return method; }
    public Instant getVerifiedAt() { return verifiedAt; }
}
