package org.civicloop.kernel;

/**
 * The port through which voting checks the evidence an option's profile cites; the evidence capability answers it
 * ({@code evidence.CitableEvidence}). Evidence depends on voting (its items weigh the budget options), so voting asks
 * through this port and needs no dependency on evidence: no cycle between the two.
 */
public interface EvidenceCitations {

    /** Whether an evidence item with this id exists and belongs to the cycle (so an option of the cycle may cite it). */
    boolean citable(long evidenceId, long cycleId);
}
