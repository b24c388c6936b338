package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * Stage one of a cycle's two-stage lottery: the uploaded address list's layout and size (the lines themselves are
 * {@link LetterAddress}), then the commitment (how many letters, split by area or not, the seed's SHA-256), then
 * the draw. The seed is published once the letters are drawn.
 */
@Entity
@Table(name = "jury_letter_round")
public class LetterRound {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_letter_seq")
    @SequenceGenerator(name = "jury_letter_seq", sequenceName = "jury_letter_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    /** The list's header, CSV-encoded. */
    @Column(name = "list_header", nullable = false)
    private String listHeader;
    @Column(name = "id_column", nullable = false)
    private String idColumn;
    /** The address columns, CSV-encoded. */
    @Column(name = "address_columns", nullable = false)
    private String addressColumns;
    @Column(name = "area_column")
    private String areaColumn;
    @Column(name = "list_sha256", nullable = false)
    private String listSha256;
    @Column(name = "address_count", nullable = false)
    private int addressCount;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;
    private Integer letters;
    @Column(name = "by_area", nullable = false)
    private boolean byArea;
    @Column(name = "seed_commitment")
    private String seedCommitment;
    private String seed;
    @Column(name = "committed_at")
    private Instant committedAt;
    @Column(name = "drawn_at")
    private Instant drawnAt;

    protected LetterRound() {
    }

    LetterRound(Long cycleId) {
        this.cycleId = cycleId;
    }

    void uploaded(String header, String idColumn, String addressColumns, String areaColumn, String sha256, int count,
                  Instant at) {
        this.listHeader = header;
        this.idColumn = idColumn;
        this.addressColumns = addressColumns;
        this.areaColumn = areaColumn;
        this.listSha256 = sha256;
        this.addressCount = count;
        this.uploadedAt = at;
    }

    void committed(int letters, boolean byArea, String seedCommitment, String seed, Instant at) {
        this.letters = letters;
        this.byArea = byArea;
        this.seedCommitment = seedCommitment;
        this.seed = seed;
        this.committedAt = at;
    }

    void drawn(Instant at) {
        this.drawnAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getListHeader() { return listHeader; }
    public String getIdColumn() { return idColumn; }
    public List<String> addressColumnList() { return CsvLine.cells(addressColumns); }
    public String getAddressColumns() { return String.join(", ", addressColumnList()); }
    public String getAreaColumn() { return areaColumn; }
    public String getListSha256() { return listSha256; }
    public int getAddressCount() { return addressCount; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Integer getLetters() { return letters; }
    public boolean isByArea() { return byArea; }
    public String getSeedCommitment() { return seedCommitment; }
    /** The seed, published only once the letters are drawn. */
    public String getPublishedSeed() { return drawnAt == null ? null : seed; }
    String seed() { return seed; }
    public Instant getCommittedAt() { return committedAt; }
    public Instant getDrawnAt() { return drawnAt; }
    public boolean isCommitted() { return committedAt != null; }
    public boolean isDrawn() { return drawnAt != null; }
}
