package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.AccountService;

/** The mail deliveries' state changes, each in its own short transaction (sending happens outside them). */
@ApplicationScoped
class DeliveryStore {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    Cycles cycles;

    /** A delivery this worker holds: where to, in which language, about which report. */
    record Outgoing(long id, String address, String locale, long cycleId, String cycleTitle, int version,
                    int attempt, Notice notice) {
    }

    /** A personal notice's e-mail: its message keys, arguments (one a line) and the page it links to. */
    record Notice(String subjectKey, String textKey, String args, String link) {
    }

    /**
     * Claims the deliveries that are due: each moves PENDING -> SENDING with one more attempt by a conditional
     * update, so two workers never send the same one.
     */
    @Transactional
    List<Outgoing> claimDue(int max) {
        Instant now = clock.instant();
        List<MailDelivery> due = em.createQuery("SELECT d FROM MailDelivery d WHERE d.status = :p"
                        + " AND (d.nextAttemptAt IS NULL OR d.nextAttemptAt <= :now) ORDER BY d.id", MailDelivery.class)
                .setParameter("p", MailDelivery.Status.PENDING).setParameter("now", now).setMaxResults(max)
                .getResultList();
        List<Outgoing> claimed = new ArrayList<>();
        for (MailDelivery d : due) {
            int updated = em.createQuery("UPDATE MailDelivery d SET d.status = :s, d.attempts = d.attempts + 1,"
                            + " d.updatedAt = :now WHERE d.id = :id AND d.status = :p")
                    .setParameter("s", MailDelivery.Status.SENDING).setParameter("now", now)
                    .setParameter("id", d.getId()).setParameter("p", MailDelivery.Status.PENDING).executeUpdate();
            if (updated == 1 && d.getNotificationId() == null) {
                String locale = accounts.contact(d.getAccountId())
                        .map(AccountService.Contact::locale).orElse(null);
                claimed.add(new Outgoing(d.getId(), d.getAddress(), locale, 0, null, 0, d.getAttempts() + 1,
                        new Notice(d.getSubjectKey(), d.getTextKey(), d.getArgs(), d.getLink())));
            } else if (updated == 1) {
                Notification n = em.find(Notification.class, d.getNotificationId());
                String locale = accounts.contact(n.getAccountId()).map(AccountService.Contact::locale).orElse(null);
                String title = cycles.find(n.getCycleId()).map(CycleView::title).orElse(null);
                claimed.add(new Outgoing(d.getId(), d.getAddress(), locale, n.getCycleId(), title, n.getVersionNo(),
                        d.getAttempts() + 1, null));
            }
        }
        return claimed;
    }

    @Transactional
    void finish(long id, MailDelivery.Status status, String error, Instant nextAttempt) {
        em.createQuery("UPDATE MailDelivery d SET d.status = :s, d.lastError = :e, d.nextAttemptAt = :n,"
                        + " d.updatedAt = :now WHERE d.id = :id")
                .setParameter("s", status).setParameter("e", error == null ? null
                        : error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter("n", nextAttempt).setParameter("now", clock.instant()).setParameter("id", id)
                .executeUpdate();
    }

    /** After a restart: deliveries a stopped worker held go back to the queue (their attempt still counts). */
    @Transactional
    int releaseAbandoned() {
        return em.createQuery("UPDATE MailDelivery d SET d.status = :p WHERE d.status = :s")
                .setParameter("p", MailDelivery.Status.PENDING).setParameter("s", MailDelivery.Status.SENDING)
                .executeUpdate();
    }

    /** The names of a published report version's budgets (city-wide first) in a language; empty with one budget. */
    @Transactional
    List<String> budgetNames(long cycleId, int version, java.util.Locale locale) {
        return em.createQuery("SELECT v FROM ReportVersion v WHERE v.cycleId = :c AND v.versionNo = :n",
                        ReportVersion.class).setParameter("c", cycleId).setParameter("n", version).getResultStream()
                .findFirst().map(v -> ReportText.budgetNames(ReportJson.read(v.getSnapshot()), locale))
                .orElse(List.of());
    }

    @Transactional
    long pending() {
        return em.createQuery("SELECT COUNT(d) FROM MailDelivery d WHERE d.status = :p", Long.class)
                .setParameter("p", MailDelivery.Status.PENDING).getSingleResult();
    }
}
