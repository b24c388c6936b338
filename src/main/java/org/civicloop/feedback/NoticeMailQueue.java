package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicloop.identity.AccountService;
import org.civicloop.kernel.NoticeMail;

/**
 * The kernel's {@link NoticeMail} port: a personal notice's e-mail goes into the same outbox as the report e-mails
 * ({@link MailDelivery}, sent by {@link MailOutbox} after the queuing transaction commits, retried, reported to
 * officers when it fails), written in the reader's language when it is sent.
 */
@ApplicationScoped
public class NoticeMailQueue implements NoticeMail {

    /** Fired when a notice's e-mail is queued: the outbox sends it once the transaction has committed. */
    record Queued(long deliveryId) {
    }

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    MailSettings mail;
    @Inject
    AccountService accounts;
    @Inject
    Clock clock;
    @Inject
    Event<Queued> queued;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String username, String subjectKey, String textKey, List<String> args, String path) {
        if (!mail.enabled()) {
            return false;
        }
        Optional<AccountService.Contact> contact = accounts.contact(username).filter(AccountService.Contact::active);
        String email = contact.map(AccountService.Contact::email).map(String::strip).orElse("");
        if (email.isEmpty()) {
            return false;
        }
        MailDelivery d = new MailDelivery(contact.get().id(), email, subjectKey, textKey, joined(args), path,
                clock.instant());
        em.persist(d);
        em.flush();
        queued.fire(new Queued(d.getId()));
        return true;
    }

    /** The arguments one a line (a line break inside one becomes a space), at most 2,000 characters in all. */
    static String joined(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(a == null ? "" : a.replaceAll("[\\r\\n]+", " "));
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }

    /** The stored arguments back, whole numbers as numbers (for message patterns such as {0,number,#}). */
    static Object[] arguments(String joined) {
        if (joined == null || joined.isEmpty()) {
            return new Object[0];
        }
        String[] parts = joined.split("\n", -1);
        Object[] out = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].matches("-?[0-9]{1,18}") ? (Object) Long.valueOf(parts[i]) : parts[i];
        }
        return out;
    }
}
