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
            verdict = audit.verify();
        }
        return verdict;
    }

    private List<AuditEntry> entries;

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            entries = audit.latest(200);
        }
        return entries;
    }
}
