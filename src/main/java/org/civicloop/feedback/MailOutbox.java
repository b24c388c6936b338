package org.civicloop.feedback;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicloop.kernel.Messages;

/**
 * Sends the report e-mails after the publication has committed (and personal notices' e-mails, {@link NoticeMailQueue},
 * after their change has committed), on the server's managed executor: a publication
 * never waits for, or fails because of, the mail server. A malformed or rejected address is UNDELIVERABLE at once;
 * an unreachable server is retried (civicloop.mail.maxAttempts, default 3, civicloop.mail.retrySeconds apart, times
 * the attempt) and then FAILED. Officers see both.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @Inject
    MailSettings settings;
    @Inject
    DeliveryStore store;
    @Inject
    Clock clock;
    @Resource
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean retryScheduled = new AtomicBoolean();

    void afterPublication(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportPublished event) {
        if (settings.enabled()) {
            executor.execute(this::deliverDue);
        }
    }

    void afterNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeMailQueue.Queued event) {
        if (settings.enabled()) {
            executor.execute(this::deliverDue);
        }
    }

    /** After a restart: mail a stopped server was sending goes back to the queue and the queue is worked off. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (settings.enabled()) {
            resumeLater(1);
        }
    }

    private void resumeLater(int attempt) {
        executor.schedule(() -> {
            try {
                store.releaseAbandoned();
                deliverDue();
            } catch (RuntimeException e) {
                // The application may still be starting (its contexts not yet active): try again, a few times.
                if (attempt < 5) {
                    resumeLater(attempt + 1);
                } else {
                    LOG.log(Level.WARNING, "Could not resume queued report e-mails", e);
                }
            }
        }, 30L * attempt, TimeUnit.SECONDS);
    }

    /** Sends what is due now; schedules one later pass while some deliveries wait for a retry. */
    public void deliverDue() {
        Optional<Session> session = settings.session();
        if (session.isEmpty()) {
            return;
        }
        try {
            List<DeliveryStore.Outgoing> batch;
            do {
                batch = store.claimDue(50);
                for (DeliveryStore.Outgoing out : batch) {
                    send(session.get(), out);
                }
            } while (!batch.isEmpty());
            if (store.pending() > 0 && retryScheduled.compareAndSet(false, true)) {
                executor.schedule(() -> {
                    retryScheduled.set(false);
                    deliverDue();
                }, settings.retrySeconds(), TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Report e-mail pass failed; pending mail stays queued", e);
        }
    }

    private void send(Session session, DeliveryStore.Outgoing out) {
        InternetAddress to;
        try {
            to = address(out.address());
        } catch (AddressException e) {
            store.finish(out.id(), MailDelivery.Status.UNDELIVERABLE, "Malformed address: " + e.getMessage(), null);
            return;
        }
        try {
            Locale locale = out.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(out.locale());
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipient(Message.RecipientType.TO, to);
            if (out.notice() != null) {
                Object[] args = NoticeMailQueue.arguments(out.notice().args());
                m.setSubject(Messages.format(locale, out.notice().subjectKey(), args), "UTF-8");
                m.setText(Messages.format(locale, "mail.notice.body", Messages.format(locale, out.notice().textKey(),
                        args), settings.publicUrl() + out.notice().link()), "UTF-8");
            } else {
                String link = settings.publicUrl() + "/report.xhtml?cycle=" + out.cycleId();
                m.setSubject(Messages.format(locale, out.version() == 1 ? "mail.report.subject"
                        : "mail.report.correctedSubject", out.cycleTitle()), "UTF-8");
                m.setText(ReportText.mailBody(locale, out.cycleTitle(), link, out.version(),
                        store.budgetNames(out.cycleId(), out.version(), locale)), "UTF-8");
            }
            m.setSentDate(java.util.Date.from(clock.instant()));
            Transport.send(m);
            store.finish(out.id(), MailDelivery.Status.SENT, null, null);
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                store.finish(out.id(), MailDelivery.Status.UNDELIVERABLE, "Rejected: " + e.getMessage(), null);
            } else {
                retryOrFail(out, e);
            }
        } catch (MessagingException e) {
            retryOrFail(out, e);
        }
    }

    private void retryOrFail(DeliveryStore.Outgoing out, MessagingException e) {
        if (out.attempt() >= settings.maxAttempts()) {
            store.finish(out.id(), MailDelivery.Status.FAILED, e.toString(), null);
        } else {
            store.finish(out.id(), MailDelivery.Status.PENDING, e.toString(),
                    clock.instant().plusSeconds((long) settings.retrySeconds() * out.attempt()));
        }
    }

    /** A single, well-formed address (local part @ domain), or AddressException. */
    static InternetAddress address(String text) throws AddressException {
        if (text == null || text.indexOf('@') <= 0 || text.indexOf('@') != text.lastIndexOf('@')
                || text.endsWith("@")) {
            throw new AddressException("not a single local@domain address", text);
        }
        InternetAddress a = new InternetAddress(text, true);
        a.validate();
        return a;
    }
}
