package org.civicloop.kernel;

/**
 * Fired, inside the transaction that made it public, when a budget option moves on after the vote: the council's
 * answer to its recommendation is published ({@link Step#DECISION}: {@code state} the response, {@code note} its
 * rationale), or the delivery of a funded option is updated ({@link Step#DELIVERY}: {@code state} the status,
 * {@code percent} how far, {@code note} the progress note). The deciding and measuring capabilities fire it; the
 * proposal capability observes it to tell a proposer what became of their idea. Through this kernel event neither side
 * depends on the other.
 */
public record OptionMilestone(Actor actor, long cycleId, String optionCode, Step step, String state, Integer percent,
                              String note) {

    public enum Step { DECISION, DELIVERY }
}
