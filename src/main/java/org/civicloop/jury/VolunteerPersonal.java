package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A volunteer's personal data, kept apart from the volunteer so that the retention rule can delete it (officers
 * only): the imported row exactly as it came, the id it had in the file, a self-registered volunteer's address, and
 * the household key the "one person per address" rule compares. After retention only a household pseudonym is left.
 */
@Entity
@Table(name = "volunteer_personal")
public class VolunteerPersonal {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "volunteer_id", nullable = false)
    private Long volunteerId;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "external_id")
    private String externalId;
    /** The imported row's cells, CSV-encoded, in the order of the pool header. */
    @Column(name = "source_row")
    private String sourceRow;
    private String address;
    @Column(name = "household_key")
    private String householdKey;

    protected VolunteerPersonal() {
    }

    VolunteerPersonal(Long volunteerId, Long cycleId, String externalId, String sourceRow, String address,
                      String householdKey) {
        this.volunteerId = volunteerId;
        this.cycleId = cycleId;
        this.externalId = externalId;
        this.sourceRow = sourceRow;
        this.address = address;
        this.householdKey = householdKey;
    }

    /** Retention: the personal data goes; the household is kept only as a pseudonym, for the draw's re-run. */
    void erase(String householdPseudonym) {
        this.externalId = null;
        this.sourceRow = null;
        this.address = null;
        this.householdKey = householdPseudonym;
    }

    public Long getId() { return id; }
    public Long getVolunteerId() { return volunteerId; }
    public Long getCycleId() { return cycleId; }
    public String getExternalId() { return externalId; }
    public String getSourceRow() { return sourceRow; }
    public String getAddress() { return address; }
    public String getHouseholdKey() { return householdKey; }
}
