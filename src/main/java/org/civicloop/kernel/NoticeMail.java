package org.civicloop.kernel;

import java.util.List;

/**
 * The port through which a capability e-mails one person a notice they asked for (the feedback capability's mail
 * outbox answers it: queued in the calling transaction, sent after it commits, retried, in the reader's language).
 * The subject and the notice are message keys formatted with {@code args} when the mail is sent; {@code path} is a
 * page of the site (from its root, e.g. {@code /proposal.xhtml?id=7}) the mail links to.
 */
public interface NoticeMail {

    /**
     * Queues the e-mail if mail is configured and the account has an address; answers whether it was queued. Arguments
     * that are whole numbers are formatted as numbers.
     */
    boolean queue(String username, String subjectKey, String textKey, List<String> args, String path);
}
