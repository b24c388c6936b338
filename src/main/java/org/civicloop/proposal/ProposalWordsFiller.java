package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up (after the migrations, which run first), fills the search words of proposals stored before the words
 * were kept: a few hundred at a time, each batch its own transaction. Proposals made since have them from the start.
 */
@ApplicationScoped
public class ProposalWordsFiller {

    private static final Logger LOG = Logger.getLogger(ProposalWordsFiller.class.getName());

    @Inject
    ProposalService proposals;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            int filled = 0;
            for (int n = proposals.fillMissingWords(500); n > 0; n = proposals.fillMissingWords(500)) {
                filled += n;
            }
            if (filled > 0) {
                LOG.info("Search words filled for proposals stored before they were kept: " + filled);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not fill the proposals' search words (searches miss those proposals)", e);
        }
    }
}
