package org.civicloop.audit;

/**
 * One audited change of a row, as other capabilities read a row's history (a page's history table, the sealed ballot
 * boxes of a cycle): its place in the chain, when, who (as recorded), what and the detail. Read through
 * {@link AuditLog#forEntity}.
 */
public record EntityChange(long seq, String recordedAt, String actor, String action, String detail) {

    static EntityChange of(AuditEntry e) {
        return new EntityChange(e.getSeq(), e.getRecordedAt(), e.getActor(), e.getAction(), e.getDetail());
    }
}
