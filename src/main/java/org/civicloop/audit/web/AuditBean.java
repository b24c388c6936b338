package org.civicloop.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.audit.AuditEntry;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.ChainVerifier;

/** The public audit page: the chain's verdict and its latest entries. */
@Named
@RequestScoped
public class AuditBean {

    @Inject
    AuditLog audit;

    private ChainVerifier.Verdict verdict;

    public ChainVerifier.Verdict getVerdict() {
        if (verdict == null) {
            verdict = audit.verifyPublic();
        }
        return verdict;
    }

    /** The actor as published (see {@link AuditEntry#publicActor}). */
    public String actorOf(AuditEntry e) {
        return e.publicActor(audit.pseudonymsFrom());
    }

    /** Whether the entry's content is withheld (an older resident entry): its hash is not shown either. */
    public boolean withheld(AuditEntry e) {
        return e.isWithheld(audit.pseudonymsFrom());
    }

    private List<AuditEntry> entries;

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            entries = audit.latest(200);
        }
        return entries;
    }
}
