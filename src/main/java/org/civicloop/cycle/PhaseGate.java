package org.civicloop.cycle;

import java.util.Optional;
import org.civicloop.kernel.Result;

/**
 * A capability's say on whether a cycle may leave a phase: each capability (jury, evidence, voting, ...) knows
 * what its phase needs before the cycle moves on. An empty answer means "nothing against".
 */
public interface PhaseGate {

    Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from);
}
