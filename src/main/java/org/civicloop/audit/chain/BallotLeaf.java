package org.civicloop.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical leaf of a ballot in its channel's ballot box: the UTF-8 bytes of
 * {@code civicloop-ballot-v1;RECEIPT;CHANNEL;RANKING}, the ranking being the option codes most preferred first,
 * joined by commas. Receipts, channel names and option codes never contain {@code ;} or {@code ,}, so the encoding
 * is unambiguous. A box's leaves are ordered by receipt (Java {@link String} order, i.e. by UTF-16 code unit, which
 * for receipts is plain ASCII order), so the same ballots always give the same tree, whatever order the database
 * returns them in.
 */
public final class BallotLeaf {

    public static final String PREFIX = "civicloop-ballot-v1";
    private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /** One ballot as the tree sees it. */
    public record Entry(String receipt, String channel, String ranking) {
    }

    private BallotLeaf() {
    }

    /** The leaf bytes; refuses a field that would make the encoding ambiguous. */
    public static byte[] encode(String receipt, String channel, String ranking) {
        if (receipt == null || !RECEIPT.matcher(receipt).matches()) {
            throw new IllegalArgumentException("Not a receipt: " + receipt);
        }
        if (channel == null || !channel.matches("[A-Z]{1,20}")) {
            throw new IllegalArgumentException("Not a channel: " + channel);
        }
        if (ranking == null || ranking.isEmpty()) {
            throw new IllegalArgumentException("Empty ranking for " + receipt);
        }
        for (String code : ranking.split(",", -1)) {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Not an option code in the ranking of " + receipt + ": " + code);
            }
        }
        return (PREFIX + ";" + receipt + ";" + channel + ";" + ranking).getBytes(StandardCharsets.UTF_8);
    }

    /** The ballots in canonical order (by receipt). */
    public static List<Entry> canonical(List<Entry> ballots) {
        List<Entry> sorted = new ArrayList<>(ballots);
        sorted.sort(Comparator.comparing(Entry::receipt));
        return sorted;
    }

    /** The Merkle tree of a box: its ballots in canonical order, each encoded as above. */
    public static MerkleTree tree(List<Entry> ballots) {
        return new MerkleTree(canonical(ballots).stream()
                .map(b -> encode(b.receipt(), b.channel(), b.ranking())).toList());
    }
}
