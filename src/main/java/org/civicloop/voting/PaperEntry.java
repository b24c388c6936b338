package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One sheet as one keyer typed it (keying 1 or 2 of a batch), or as one scanning import read it; a resolution of a
 * discrepancy is stored the same way as keying 0.
 */
@Entity
@Table(name = "paper_entry")
public class PaperEntry {

    /** The keying number a resolution is stored under (the two keyings are 1 and 2). */
    static final int RESOLVED = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "paper_entry_seq")
    @SequenceGenerator(name = "paper_entry_seq", sequenceName = "paper_entry_seq", allocationSize = 50)
    private Long id;
    @Column(name = "batch_id", nullable = false)
    private Long batchId;
    private int keying;
    @Column(name = "sheet_no")
    private int sheetNo;
    @Column(nullable = false)
    private String ranking;
    private boolean spoilt;
    private String note;
    @Column(name = "keyed_by", nullable = false)
    private String keyedBy;
    @Column(name = "keyed_at", nullable = false)
    private Instant keyedAt;

    protected PaperEntry() {
    }

    PaperEntry(Long batchId, int keying, PaperSheets.Sheet sheet, String keyedBy, Instant keyedAt) {
        this.batchId = batchId;
        this.keying = keying;
        this.sheetNo = sheet.sheetNo();
        this.keyedBy = keyedBy;
        rekey(sheet, keyedAt);
    }

    PaperEntry(Long batchId, PaperSheets.Sheet resolved, String note, String by, Instant at) {
        this(batchId, RESOLVED, resolved, by, at);
        this.note = note;
    }

    void rekey(PaperSheets.Sheet sheet, Instant at) {
        this.ranking = String.join(",", sheet.ranking());
        this.spoilt = sheet.spoilt();
        this.keyedAt = at;
    }

    public PaperSheets.Sheet sheet() {
        return new PaperSheets.Sheet(sheetNo, ranking.isEmpty() ? List.of() : Arrays.asList(ranking.split(",")),
                spoilt);
    }

    public String getNote() { return note; }
    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public int getKeying() { return keying; }
    public int getSheetNo() { return sheetNo; }
    public String getKeyedBy() { return keyedBy; }
    public Instant getKeyedAt() { return keyedAt; }
}
