package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.Account;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.Voters;

/**
 * Who asked to hear about reports, and what they are told: an in-app notification for every participant who opted
 * in (volunteers and voters of the cycle), and an e-mail when an SMTP server is configured.
 */
@ApplicationScoped
public class Notifications {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Voters voters;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    MailSettings mail;
    @Inject
    Juries juries;
    @Inject
    Cycles cycles;

    /** A signed-in person asks (or stops asking) to be told when reports of cycles they took part in appear. */
    @Transactional
    public Result<Boolean> setReportUpdates(Actor actor, boolean wanted) {
        if (actor.isAnonymous() || actor.roles().isEmpty()) {
            return Result.refused("refused.notAllowed");
        }
        Optional<Long> account = accounts.idOf(actor.username());
        if (account.isEmpty()) {
            return Result.refused("refused.notAllowed");
        }
        long id = account.get();
        ReportOptIn current = em.find(ReportOptIn.class, id);
        if (wanted && current == null) {
            em.persist(new ReportOptIn(id, clock.instant()));
            em.flush();
            audit.record(actor, "feedback.optedIn", "report_opt_in", id, null, null);
        } else if (!wanted && current != null) {
            String before = audit.digestOf("report_opt_in", id);
            em.remove(current);
            em.flush();
            audit.record(actor, "feedback.optedOut", "report_opt_in", id, before, null);
        }
        return Result.done(wanted);
    }

    public boolean wantsReportUpdates(String username) {
        return accounts.idOf(username).map(a -> em.find(ReportOptIn.class, a) != null).orElse(false);
    }

    /** Inside a publication: one notification per opted-in participant, and its e-mail when mail is on. */
    @Transactional(Transactional.TxType.MANDATORY)
    int notifyParticipants(Actor actor, long cycleId, int version) {
        // The participants who asked for report updates: volunteers, and voters in any of the cycle's budgets (a
        // district's too), as the jury and voting answer them.
        Set<Long> participants = new TreeSet<>(juries.volunteerAccounts(cycleId));
        participants.addAll(voters.accounts(cycleId));
        participants.retainAll(new HashSet<>(em.createQuery("SELECT o.id FROM ReportOptIn o", Long.class)
                .getResultList()));
        List<AccountService.Contact> rows = participants.stream().map(id -> accounts.contact(id.longValue()))
                .flatMap(Optional::stream)
                .filter(AccountService.Contact::active).toList();
        Instant now = clock.instant();
        boolean mailOn = mail.enabled();
        int mails = 0;
        for (AccountService.Contact row : rows) {
            String email = row.email();
            Notification n = new Notification(row.id(), cycleId, version, now);
            em.persist(n);
            if (mailOn && email != null && !email.isBlank()) {
                em.flush();
                em.persist(new MailDelivery(n.getId(), email.strip(), now));
                mails++;
            }
        }
        if (!rows.isEmpty()) {
            audit.note(actor, "feedback.participantsNotified", "cycle", Long.toString(cycleId),
                    "version=" + version + "; notified=" + rows.size() + "; emails=" + mails);
        }
        return rows.size();
    }

    /** A notification as its reader sees it. */
    public record View(long id, long cycleId, String cycleTitle, int version, Instant createdAt, boolean unread) {
    }

    public List<View> forUser(String username) {
        Optional<Long> account = accounts.idOf(username);
        if (account.isEmpty()) {
            return List.of();
        }
        Map<Long, String> titles = new HashMap<>();
        return em.createQuery("SELECT n FROM Notification n WHERE n.accountId = :a"
                        + " ORDER BY n.createdAt DESC, n.id DESC", Notification.class)
                .setParameter("a", account.get()).setMaxResults(100).getResultList().stream()
                .map(n -> new View(n.getId(), n.getCycleId(), titles.computeIfAbsent(n.getCycleId(),
                        c -> cycles.find(c).map(CycleView::title).orElse("")), n.getVersionNo(), n.getCreatedAt(),
                        n.isUnread())).toList();
    }

    public long unread(String username) {
        return forUser(username).stream().filter(View::unread).count();
    }

    /** The reader marks their own notification as read. */
    @Transactional
    public Result<Notification> markRead(Actor actor, long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        Optional<Long> account = accounts.idOf(actor.username());
        if (n == null || account.isEmpty() || !n.getAccountId().equals(account.get())) {
            return Result.refused("refused.notification.unknown");
        }
        if (n.isUnread()) {
            String before = audit.digestOf("notification", notificationId);
            n.markRead(clock.instant());
            audit.record(actor, "feedback.notificationRead", "notification", notificationId, before, null);
        }
        return Result.done(n);
    }

    /**
     * A delivery officers need to know about: an address that bounced or a server that could not be reached. A
     * report e-mail names its cycle; a personal notice (e.g. about a resident's proposal) has no cycle but its
     * subject, in the reader's language, and the page it links to.
     */
    public record Problem(long id, Long cycleId, String cycleTitle, String username, String address,
                          MailDelivery.Status status, int attempts, String lastError, Instant updatedAt,
                          String subject, String link) {
    }

    /** Undeliverable addresses and failed deliveries, for officers, newest first; notices' subjects in English. */
    public Result<List<Problem>> deliveryProblems(Actor actor) {
        return deliveryProblems(actor, java.util.Locale.ENGLISH);
    }

    /** Undeliverable addresses and failed deliveries (report e-mails and personal notices), newest first. */
    public Result<List<Problem>> deliveryProblems(Actor actor, java.util.Locale locale) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        List<MailDelivery.Status> bad = List.of(MailDelivery.Status.UNDELIVERABLE, MailDelivery.Status.FAILED);
        List<Problem> problems = new java.util.ArrayList<>();
        // cycles and accounts are named through their capabilities, each once (at most 500 rows a kind)
        Map<Long, String> titles = new HashMap<>();
        Map<Long, String> usernames = new HashMap<>();
        em.createQuery("SELECT d, n FROM MailDelivery d, Notification n WHERE n.id = d.notificationId"
                        + " AND d.status IN :s ORDER BY d.updatedAt DESC, d.id DESC", Object[].class)
                .setParameter("s", bad).setMaxResults(500).getResultList().forEach(r -> {
                    MailDelivery d = (MailDelivery) r[0];
                    Notification n = (Notification) r[1];
                    String title = titles.computeIfAbsent(n.getCycleId(),
                            c -> cycles.find(c).map(CycleView::title).orElse(""));
                    problems.add(new Problem(d.getId(), n.getCycleId(), title,
                            username(usernames, n.getAccountId()), d.getAddress(),
                            d.getStatus(), d.getAttempts(), d.getLastError(), d.getUpdatedAt(),
                            Messages.format(locale, "fb.delivery.report", title), null));
                });
        em.createQuery("SELECT d FROM MailDelivery d WHERE d.notificationId IS NULL AND d.status IN :s"
                        + " ORDER BY d.updatedAt DESC, d.id DESC", MailDelivery.class)
                .setParameter("s", bad).setMaxResults(500).getResultList().forEach(d ->
                    problems.add(new Problem(d.getId(), null, null,
                            username(usernames, d.getAccountId()), d.getAddress(),
                            d.getStatus(), d.getAttempts(), d.getLastError(), d.getUpdatedAt(),
                            Messages.format(locale, d.getSubjectKey(),
                                    NoticeMailQueue.arguments(d.getArgs())), d.getLink())));
        problems.sort(java.util.Comparator.comparing(Problem::updatedAt, java.util.Comparator.reverseOrder())
                .thenComparing(Problem::id, java.util.Comparator.reverseOrder()));
        return Result.done(problems.size() > 500 ? List.copyOf(problems.subList(0, 500)) : problems);
    }

    private String username(Map<Long, String> known, Long accountId) {
        return accountId == null ? null : known.computeIfAbsent(accountId, accounts::usernameOf);
    }
}
