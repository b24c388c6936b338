package org.civicloop.deliberation;

/**
 * Fired inside a transaction that changed what a live session shows. The deliberation use cases publish it; the live
 * adapter ({@code deliberation.live.LivePublisher}) observes it and pushes the session to its screens once the
 * transaction commits, so no service depends on the adapter.
 */
public record SessionChanged(long sessionId) {
}
