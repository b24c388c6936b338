package org.civicloop.cycle.web;

import java.time.Instant;
import org.civicloop.cycle.Phase;

/** One phase on a cycle's timeline: "done", "current" or "upcoming", with the time it started. */
public record PhaseStep(Phase phase, String state, Instant startedAt) {
}
