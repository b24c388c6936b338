package org.civicloop.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.ValueCell;

/** Read-only views of the evidence pack for pages, the REST API and other capabilities. */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    /** A validated attachment as readers see it (the media type is the sniffed one). */
    public record AttachmentInfo(long id, String fileName, String mediaType, long sizeBytes, String sha256) {
        public long kilobytes() {
            return Math.max(1, Math.round(sizeBytes / 1024.0));
        }
    }

    /** One item as published: the version in the latest published pack, with its content hash. */
    public record PublishedItem(long itemId, long versionId, int version, EvidenceItem.Kind kind,
                                EvidenceItem.Perspective perspective, String title, String summary, String source,
                                String author, LocalDate date, List<String> options, List<ValueCell> valueCells,
                                SocialValue socialValue, AttachmentInfo attachment, String contentHash,
                                Instant versionedAt, int answeredQuestions) {
        public String shortHash() {
            return contentHash.substring(0, 12);
        }
    }

    /** The published pack: its number and hash, who signed it off, and its items. */
    public record PublishedPack(int packNo, String contentHash, String submittedBy, String reviewedBy,
                                Instant publishedAt, List<PublishedItem> items) {
    }

    /** A question awaiting moderation or an answer (what the facilitator console shows). */
    public record QueuedQuestion(long id, long itemId, String itemTitle, String body,
                                 EvidenceQuestion.Status status, Instant askedAt, int duplicates) {
    }

    /** An answered question, part of the pack. */
    public record AnsweredQuestion(long id, long itemId, String body, String answer, String answeredBy,
                                   Instant answeredAt, int duplicates) {
    }

    /** A question as its author sees it: status, and the reason when it was rejected. */
    public record MyQuestion(long id, long itemId, String itemTitle, String body, EvidenceQuestion.Status status,
                             String rejectReason, String answer, String answeredBy) {
    }

    /** One row of the balance table: a perspective or an option, with item counts per perspective. */
    public record BalanceRow(String label, String code, long forCount, long againstCount, long neutralCount,
                             long livedCount) {
        public long total() {
            return forCount + againstCount + neutralCount + livedCount;
        }
    }

    /** A balance concern for the reviewer: a message key and its argument (an option code, or empty). */
    public record BalanceWarning(String key, String arg) {
    }

    public record Balance(List<BalanceRow> perspectives, List<BalanceRow> options, List<BalanceWarning> warnings) {
    }

    /** Reading progress of one juror: counts only. */
    public record JurorProgress(String displayName, long read, long total) {
        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * read / total);
        }
    }

    /** A search hit: the published item and whether the match was in its questions and answers. */
    public record SearchHit(PublishedItem item, boolean inQuestions) {
    }
}
