package org.civicloop.voting.count;

/** A rule cannot count the given input (e.g. IRV on approval ballots, missing number of seats). */
public class CountException extends RuntimeException {
    public CountException(String message) {
        super(message);
    }
}
