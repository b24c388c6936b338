package org.civicloop.voting.count;

/**
 * One option of an election: a candidate or a project.
 *
 * @param id   the identifier exactly as the input file writes it (pabulib project_id, PrefLib/BLT number)
 * @param name a display name (may equal the id)
 * @param cost the cost of a project, or {@code null} for a candidate of a ranked election
 */
public record Option(String id, String name, Fraction cost) {
    public Option {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("option id must not be empty");
        }
        if (name == null) {
            name = id;
        }
    }
}
