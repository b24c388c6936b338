package org.civicloop.voting.count;

/** The kind of ballots of a profile. */
public enum BallotType {
    /** Each ballot is a set of approved options. */
    APPROVAL,
    /** Each ballot gives points to some options. */
    CUMULATIVE,
    /** Each ballot is a (possibly truncated) ranking, possibly with ties. */
    ORDINAL
}
