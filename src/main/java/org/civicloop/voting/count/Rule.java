package org.civicloop.voting.count;

/** A counting rule: a pure function of the election, the ballots and the options. */
public interface Rule {

    /** The rule name used on the command line ("irv", "mes", ...). */
    String name();

    /**
     * Counts.
     *
     * @throws CountException when the rule does not apply to this input (wrong ballot type, no budget, no seats)
     */
    CountResult count(Election election, Profile profile, CountOptions options);
}
