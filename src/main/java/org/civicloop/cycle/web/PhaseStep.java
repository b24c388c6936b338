package org.civicloop.cycle.web;

import java.time.Instant;
import java.time.LocalDate;
import org.civicloop.cycle.Phase;

/** One phase on a cycle's timeline: "done", "current" or "upcoming", when it started, when it is planned. */
public record PhaseStep(Phase phase, String state, Instant startedAt, LocalDate plannedStart) {
}
