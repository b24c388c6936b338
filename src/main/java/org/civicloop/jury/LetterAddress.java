package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a letter round's address list (personal data: officers only). Drawn lines get their place in the draw
 * and a registration code; a used code names the volunteer who registered with it. Retention deletes the line's
 * cells, its id, household key and code, keeping only the area, the place in the draw and the (pseudonymous)
 * volunteer, so the response rate stays as reported.
 */
@Entity
@Table(name = "jury_letter_address")
public class LetterAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_letter_seq")
    @SequenceGenerator(name = "jury_letter_seq", sequenceName = "jury_letter_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "external_id")
    private String externalId;
    /** The line's cells, CSV-encoded, in the order of the list's header. */
    @Column(name = "source_row")
    private String sourceRow;
    private String area;
    @Column(name = "household_key")
    private String householdKey;
    @Column(name = "draw_order")
    private Integer drawOrder;
    private String code;
    @Column(name = "volunteer_id")
    private Long volunteerId;
    @Column(name = "registered_at")
    private Instant registeredAt;

    protected LetterAddress() {
    }

    LetterAddress(Long cycleId, int lineNo, String externalId, String sourceRow, String area, String householdKey) {
        this.cycleId = cycleId;
        this.lineNo = lineNo;
        this.externalId = externalId;
        this.sourceRow = sourceRow;
        this.area = area;
        this.householdKey = householdKey;
    }

    void drawn(int order, String code) {
        this.drawOrder = order;
        this.code = code;
    }

    void registered(Long volunteerId, Instant at) {
        this.volunteerId = volunteerId;
        this.registeredAt = at;
    }

    /** Retention: the address, its id, household key and code go. */
    void erase() {
        this.externalId = null;
        this.sourceRow = null;
        this.householdKey = null;
        this.code = null;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getLineNo() { return lineNo; }
    public String getExternalId() { return externalId; }
    public String getSourceRow() { return sourceRow; }
    public String getArea() { return area; }
    public String getHouseholdKey() { return householdKey; }
    public Integer getDrawOrder() { return drawOrder; }
    public String getCode() { return code; }
    public Long getVolunteerId() { return volunteerId; }
    public Instant getRegisteredAt() { return registeredAt; }
    public boolean isDrawn() { return drawOrder != null; }
    public boolean isUsed() { return volunteerId != null; }
}
