package org.civicloop.cycle;

import org.civicloop.kernel.Actor;

/** Fired inside the transaction that moves a cycle on, so capabilities can act on entering a phase. */
public record PhaseChanged(CycleView cycle, Phase from, Phase to, Actor actor) {
}
