package org.civicloop.voting.count.io;

import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Profile;

/** A parsed input file: the election and its ballots. */
public record ElectionFile(Election election, Profile profile) {
}
