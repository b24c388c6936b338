package org.civicloop.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle tree hashed as RFC 9162 (Certificate Transparency 2.0) §2.1 defines it: a leaf is SHA-256(0x00 || leaf
 * bytes), an inner node SHA-256(0x01 || left || right), a list of n &gt; 1 leaves is split at the largest power of two
 * smaller than n, and the empty tree is SHA-256 of nothing. Inclusion proofs follow §2.1.3 and are checked as
 * §2.1.3.2 says. Plain Java: the application, the verifier and the offline tool compute the same thing.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    /** An inclusion proof: the audit path of leaf {@code leafIndex} (0-based) in a tree of {@code treeSize} leaves. */
    public record Proof(long leafIndex, long treeSize, List<byte[]> path) {
    }

    private final List<byte[]> leafHashes;

    /** The tree over these leaves, in this order. */
    public MerkleTree(List<byte[]> leaves) {
        leafHashes = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            leafHashes.add(leafHash(leaf));
        }
    }

    public int size() {
        return leafHashes.size();
    }

    public byte[] root() {
        return leafHashes.isEmpty() ? sha256() : root(0, leafHashes.size());
    }

    public String rootHex() {
        return HEX.formatHex(root());
    }

    /** The inclusion proof of leaf {@code index} (0-based). */
    public Proof proof(int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IndexOutOfBoundsException("No leaf " + index + " in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, leafHashes.size(), path);
        return new Proof(index, leafHashes.size(), List.copyOf(path));
    }

    // MTH(D[lo:hi])
    private byte[] root(int lo, int hi) {
        if (hi - lo == 1) {
            return leafHashes.get(lo);
        }
        int k = split(hi - lo);
        return nodeHash(root(lo, lo + k), root(lo + k, hi));
    }

    // PATH(m, D[lo:hi]), m relative to lo: the sibling hashes from the leaf up.
    private void path(int m, int lo, int hi, List<byte[]> out) {
        if (hi - lo == 1) {
            return;
        }
        int k = split(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(root(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(root(lo, lo + k));
        }
    }

    /** The largest power of two smaller than n (n &gt; 1). */
    static int split(long n) {
        return (int) Long.highestOneBit(n - 1);
    }

    public static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[]{0}, leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{1}, left, right);
    }

    /**
     * Whether {@code path} proves that the leaf with hash {@code leafHash} is leaf {@code leafIndex} of the tree of
     * {@code treeSize} leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash == null || root == null || path == null) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (p == null || p.length != 32 || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Lower-case hex of 32 bytes, or null when {@code hex} is anything else. */
    public static byte[] parseHash(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }
}
