package org.civicloop.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An item version included in a pack version (written with the pack, never changed). */
@Entity
@Table(name = "evidence_pack_entry")
public class PackEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_pack_entry_seq")
    @SequenceGenerator(name = "evidence_pack_entry_seq", sequenceName = "evidence_pack_entry_seq", allocationSize = 50)
    private Long id;
    @Column(name = "pack_id", nullable = false, updatable = false)
    private Long packId;
    @Column(name = "version_id", nullable = false, updatable = false)
    private Long versionId;

    protected PackEntry() {
    }

    PackEntry(Long packId, Long versionId) {
        this.packId = packId;
        this.versionId = versionId;
    }

    public Long getId() { return id; }
    public Long getPackId() { return packId; }
    public Long getVersionId() { return versionId; }
}
