package org.civicloop.cycle.web;

import java.time.Instant;
import org.civicloop.cycle.Phase;

/** One phase on a cycle's timeline: done, current or still to come, with the date it started. */
public record PhaseStep(Phase phase, String state, Instant startedAt) {
    public Phase getPhase() { return phase; }
    public String getState() { return state; }
    public Instant getStartedAt() { return startedAt; }
    public boolean isCurrent() { return "current".equals(state); }
}
