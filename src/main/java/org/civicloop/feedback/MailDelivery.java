package org.civicloop.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The e-mail of a notification. PENDING until sent; SENDING while one worker holds it; SENT; UNDELIVERABLE when
 * the address is malformed or the server rejects it; FAILED when the server could not be reached within the
 * bounded number of attempts. Officers see the last two.
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    public enum Status { PENDING, SENDING, SENT, UNDELIVERABLE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_delivery_seq")
    @SequenceGenerator(name = "mail_delivery_seq", sequenceName = "mail_delivery_seq", allocationSize = 50)
    private Long id;
    @Column(name = "notification_id", nullable = false)
    private Long notificationId;
    @Column(nullable = false)
    private String address;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** For a personal notice (no notification): the account, the message keys and arguments, the page linked. */
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "subject_key")
    private String subjectKey;
    @Column(name = "text_key")
    private String textKey;
    private String args;
    private String link;

    protected MailDelivery() {
    }

    MailDelivery(Long notificationId, String address, Instant now) {
        this.notificationId = notificationId;
        this.address = address;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** A personal notice's e-mail, written from message keys in the reader's language when it is sent. */
    MailDelivery(long accountId, String address, String subjectKey, String textKey, String args, String link,
                 Instant now) {
        this.accountId = accountId;
        this.address = address;
        this.subjectKey = subjectKey;
        this.textKey = textKey;
        this.args = args;
        this.link = link;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getSubjectKey() { return subjectKey; }
    public String getTextKey() { return textKey; }
    public String getArgs() { return args; }
    public String getLink() { return link; }
    public Long getNotificationId() { return notificationId; }
    public String getAddress() { return address; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
