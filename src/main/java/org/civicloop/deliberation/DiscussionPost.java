package org.civicloop.deliberation;

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

/** A resident's argument for or against an option, or a reply to one; moderators hide posts with a reason shown. */
@Entity
@Table(name = "discussion_post")
public class DiscussionPost {

    public enum Stance { FOR, AGAINST, REPLY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "option_code", nullable = false)
    private String optionCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stance stance;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(nullable = false)
    private String author;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    private boolean hidden;
    @Column(name = "moderation_reason")
    private String moderationReason;
    @Column(name = "moderated_by")
    private String moderatedBy;
    @Column(name = "moderated_at")
    private Instant moderatedAt;

    protected DiscussionPost() {
    }

    DiscussionPost(Long cycleId, String optionCode, Stance stance, Long parentId, String author, String body,
                   Instant createdAt) {
        this.cycleId = cycleId;
        this.optionCode = optionCode;
        this.stance = stance;
        this.parentId = parentId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    void hide(String reason, String by, Instant at) {
        this.hidden = true;
        this.moderationReason = reason;
        this.moderatedBy = by;
        this.moderatedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getOptionCode() { return optionCode; }
    public Stance getStance() { return stance; }
    public Long getParentId() { return parentId; }
    public String getAuthor() { return author; }
    /** The text, or null once a moderator hid it (the reason is shown instead). */
    public String getBody() { return hidden ? null : body; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isHidden() { return hidden; }
    public String getModerationReason() { return moderationReason; }
    public String getModeratedBy() { return moderatedBy; }
}
