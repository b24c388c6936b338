package org.civicloop.proposal;

/**
 * What a resident proposes: a title, a description, the district, a rough cost in whole currency units, an optional
 * map point and an optional name to be credited with publicly.
 */
public record ProposalDraft(String title, String description, String district, long roughCost, Double latitude,
                            Double longitude, String credit) {
}
