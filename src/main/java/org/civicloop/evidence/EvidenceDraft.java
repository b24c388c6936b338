package org.civicloop.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;

/**
 * What an officer writes for an evidence item (a first version or an edit): what kind of evidence it is, its
 * perspective, title, plain-language summary, source, author and date, the budget options (by code) and value
 * cells it bears on, the social value scores of a costed option, an optional attachment, and for an edit a short
 * note on what changed.
 */
public record EvidenceDraft(EvidenceItem.Kind kind, EvidenceItem.Perspective perspective, String title,
                            String summary, String source, String author, LocalDate date, List<String> options,
                            Set<ValueCell> valueCells, SocialValue socialValue, Long attachmentId,
                            String changeNote) {

    public EvidenceDraft {
        options = options == null ? List.of() : options.stream().filter(o -> o != null && !o.isBlank())
                .map(String::strip).distinct().toList();
        valueCells = valueCells == null ? Set.of() : Set.copyOf(valueCells);
    }

    /** The same draft with another attachment. */
    public EvidenceDraft withAttachment(Long attachment) {
        return new EvidenceDraft(kind, perspective, title, summary, source, author, date, options, valueCells,
                socialValue, attachment, changeNote);
    }
}
