package org.civicloop.voting.count;

/**
 * Options of a count.
 *
 * @param seats number of options to elect (STV); null means "as the election says"
 */
public record CountOptions(Integer seats) {
    public static final CountOptions DEFAULT = new CountOptions(null);

    public static CountOptions seats(int k) {
        return new CountOptions(k);
    }
}
