package org.civicloop.jury.selection;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Commit-and-reveal for the lottery seed: publish {@link #commitment(String)} before the draw, reveal the seed after
 * it; anyone can then check the commitment and re-run the draw (same inputs and seed give the same panel).
 */
public final class SeedCommitment {

    private SeedCommitment() {
    }

    /** Lower-case hex SHA-256 of the seed's UTF-8 bytes. */
    public static String commitment(String seed) {
        return HexFormat.of().formatHex(SeededRandom.sha256().digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean verify(String seed, String commitment) {
        return commitment(seed).equalsIgnoreCase(commitment.strip());
    }
}
