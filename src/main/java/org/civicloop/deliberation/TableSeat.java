package org.civicloop.deliberation;

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

/** Where a juror sits in a small-group round. */
@Entity
@Table(name = "table_seat")
public class TableSeat {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "round_id", nullable = false)
    private Long roundId;
    @Column(name = "table_no", nullable = false)
    private int tableNo;
    @Column(name = "volunteer_id", nullable = false)
    private Long volunteerId;

    protected TableSeat() {
    }

    TableSeat(Long roundId, int tableNo, Long volunteerId) {
        this.roundId = roundId;
        this.tableNo = tableNo;
        this.volunteerId = volunteerId;
    }

    public Long getId() { return id; }
    public Long getRoundId() { return roundId; }
    public int getTableNo() { return tableNo; }
    public Long getVolunteerId() { return volunteerId; }
}
