package org.civicloop.cycle;

/** The participation ladder: how much influence participants have over the decision. */
public enum LadderLevel {
    INFORM, CONSULT, INVOLVE, COLLABORATE, EMPOWER
}
