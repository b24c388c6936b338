package org.civicloop.proposal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.proposal.ProposalPhoto;
import org.civicloop.proposal.ProposalPhotos;

/**
 * The photos of the proposals a page shows ({@code #{photoOf.of(p.id)}}), read once per request: a list asks for its
 * whole page at once ({@link #load}).
 */
@Named("photoOf")
@RequestScoped
public class PhotoOf {

    @Inject
    ProposalPhotos photos;

    private final Map<Long, Optional<ProposalPhoto>> read = new HashMap<>();

    /** Reads the photos of these proposals in one query. */
    public void load(List<Long> proposalIds) {
        List<Long> missing = proposalIds.stream().filter(id -> !read.containsKey(id)).toList();
        Map<Long, ProposalPhoto> found = photos.of(missing);
        missing.forEach(id -> read.put(id, Optional.ofNullable(found.get(id))));
    }

    /** The proposal's photo row (hidden or not), or null. */
    public ProposalPhoto of(long proposalId) {
        return read.computeIfAbsent(proposalId, photos::of).orElse(null);
    }
}
