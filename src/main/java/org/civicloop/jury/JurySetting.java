package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A cycle's recruitment settings: the household rule (at most one person per address, on by default), and the layout
 * of the pool file an officer imported, and whether volunteering needs a letter's registration code;: its header in order, its id column and the columns that form the address.
 */
@Entity
@Table(name = "jury_setting")
public class JurySetting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "one_per_household", nullable = false)
    private boolean onePerHousehold = true;
    /** The imported file's header, CSV-encoded. */
    @Column(name = "pool_header")
    private String poolHeader;
    @Column(name = "id_column")
    private String idColumn;
    /** The address columns, CSV-encoded. */
    @Column(name = "address_columns")
    private String addressColumns;
    /** Whether volunteering needs a letter's registration code (LETTERS_ONLY) or is open to anyone too (OPEN). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Volunteering volunteering = Volunteering.OPEN;

    /** Who may volunteer: anyone (with or without a letter's code), or only those with a letter's code. */
    public enum Volunteering { OPEN, LETTERS_ONLY }

    protected JurySetting() {
    }

    JurySetting(Long cycleId) {
        this.cycleId = cycleId;
    }

    void householdRule(boolean on) {
        this.onePerHousehold = on;
    }

    void volunteering(Volunteering v) {
        this.volunteering = v;
    }

    void imported(String header, String idColumn, String addressColumns) {
        this.poolHeader = header;
        this.idColumn = idColumn;
        this.addressColumns = addressColumns;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public boolean isOnePerHousehold() { return onePerHousehold; }
    public String getPoolHeader() { return poolHeader; }
    public String getIdColumn() { return idColumn; }
    public String getAddressColumns() { return addressColumns; }
    public Volunteering getVolunteering() { return volunteering; }
    public boolean isLettersOnly() { return volunteering == Volunteering.LETTERS_ONLY; }

    /** The address columns as a list (empty when none were chosen). */
    public List<String> addressColumnList() {
        return addressColumns == null || addressColumns.isBlank() ? List.of() : CsvLine.cells(addressColumns);
    }
}
