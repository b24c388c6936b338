package org.civicloop.deliberation.live;

/** Fired inside a transaction that changed what a live session shows; published to screens once it commits. */
public record SessionChanged(long sessionId) {
}
