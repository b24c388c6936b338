package org.civicloop.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person of a cycle's census, as a keyed hash and a district; once used, bound to the account it verified. */
@Entity
@Table(name = "eligibility_census")
public class CensusEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eligibility_seq")
    @SequenceGenerator(name = "eligibility_seq", sequenceName = "eligibility_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "identity_hash", nullable = false)
    private String identityHash;
    @Column(nullable = false)
    private String district;
    private String account;
    @Column(nullable = false)
    private String salt;
    @Column(name = "bound_at")
    private Instant boundAt;

    protected CensusEntry() {
    }

    CensusEntry(long cycleId, int lineNo, String identityHash, String district) {
        this.cycleId = cycleId;
        this.lineNo = lineNo;
        this.identityHash = identityHash;
        this.district = district;
        this.salt = EligibilityService.salt();
    }

    void bind(String account, Instant at) {
        this.account = account;
        this.boundAt = at;
    }

    public Long getId() { return id; }
    public String getDistrict() { return district; }
    public String getIdentityHash() { return identityHash; }
    public boolean isBound() { return account != null; }
}
