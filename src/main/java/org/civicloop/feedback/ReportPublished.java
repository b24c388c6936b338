package org.civicloop.feedback;

/** Fired when a report version is published; e-mail goes out after the transaction commits. */
public record ReportPublished(long cycleId, int version, int notified) {
}
