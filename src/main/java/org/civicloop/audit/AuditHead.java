package org.civicloop.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the chain's last sequence number and hash; locked while an entry is appended. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    private int id;
    private long seq;
    private String hash;

    protected AuditHead() {
    }

    long seq() { return seq; }
    String hash() { return hash; }

    void advance(long newSeq, String newHash) {
        this.seq = newSeq;
        this.hash = newHash;
    }
}
