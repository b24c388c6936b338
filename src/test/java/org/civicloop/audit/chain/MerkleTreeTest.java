package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ballot box's Merkle tree against roots written out by hand from RFC 9162 §2.1.1 (leaf = SHA-256(0x00 || d),
 * node = SHA-256(0x01 || left || right), split at the largest power of two below n), and its inclusion proofs.
 */
class MerkleTreeTest {

    private static byte[] sha(byte prefix, byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(prefix);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static byte[] l(int i) throws Exception {
        return sha((byte) 0, d(i));
    }

    private static byte[] n(byte[] a, byte[] b) throws Exception {
        return sha((byte) 1, a, b);
    }

    private static byte[] d(int i) {
        return ("leaf " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static MerkleTree tree(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(d(i));
        }
        return new MerkleTree(leaves);
    }

    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", tree(0).rootHex());
    }

    @Test
    void rootsOfSmallTreesAsTheRfcDefinesThem() throws Exception {
        assertArrayEquals(l(0), tree(1).root());
        assertArrayEquals(n(l(0), l(1)), tree(2).root());
        // 3 leaves: split at 2
        assertArrayEquals(n(n(l(0), l(1)), l(2)), tree(3).root());
        // 5 leaves: split at 4
        byte[] four = n(n(l(0), l(1)), n(l(2), l(3)));
        assertArrayEquals(n(four, l(4)), tree(5).root());
        // 7 leaves: split at 4, then 3 = 2 + 1
        assertArrayEquals(n(four, n(n(l(4), l(5)), l(6))), tree(7).root());
    }

    @Test
    void aLeafHashIsNotANodeHash() throws Exception {
        // A one-leaf tree whose leaf is the 64 bytes of two leaf hashes is not the two-leaf tree (second preimages).
        byte[] concatenated = new byte[64];
        System.arraycopy(l(0), 0, concatenated, 0, 32);
        System.arraycopy(l(1), 0, concatenated, 32, 32);
        assertFalse(java.util.Arrays.equals(new MerkleTree(List.of(concatenated)).root(), tree(2).root()));
    }

    @Test
    void everyLeafOfEverySizeUpTo33HasAValidProof() {
        for (int size = 1; size <= 33; size++) {
            MerkleTree t = tree(size);
            for (int i = 0; i < size; i++) {
                MerkleTree.Proof p = t.proof(i);
                assertEquals(size, p.treeSize());
                assertTrue(MerkleTree.verifyInclusion(i, size, MerkleTree.leafHash(d(i)), p.path(), t.root()),
                        "leaf " + i + " of " + size);
            }
        }
    }

    @Test
    void theProofOfLeaf2Of7IsItsSiblingsFromTheLeafUp() throws Exception {
        MerkleTree.Proof p = tree(7).proof(2);
        assertEquals(3, p.path().size());
        assertArrayEquals(l(3), p.path().get(0));
        assertArrayEquals(n(l(0), l(1)), p.path().get(1));
        assertArrayEquals(n(n(l(4), l(5)), l(6)), p.path().get(2));
    }

    @Test
    void aTamperedProofFails() {
        MerkleTree t = tree(7);
        MerkleTree.Proof p = t.proof(4);
        byte[] leaf = MerkleTree.leafHash(d(4));
        assertTrue(MerkleTree.verifyInclusion(4, 7, leaf, p.path(), t.root()));
        // another leaf (a changed ranking)
        assertFalse(MerkleTree.verifyInclusion(4, 7, MerkleTree.leafHash(d(5)), p.path(), t.root()));
        // another index or size
        assertFalse(MerkleTree.verifyInclusion(5, 7, leaf, p.path(), t.root()));
        // (a size of 8 is not refused here: the same path hashes the same way in a tree of 8. The published root
        // comes with its size, and a proof is checked against both.)
        assertFalse(MerkleTree.verifyInclusion(4, 6, leaf, p.path(), t.root()));
        assertFalse(MerkleTree.verifyInclusion(7, 7, leaf, p.path(), t.root()));
        // a changed or shortened or lengthened path
        List<byte[]> changed = new ArrayList<>(p.path());
        byte[] first = changed.get(0).clone();
        first[0] ^= 1;
        changed.set(0, first);
        assertFalse(MerkleTree.verifyInclusion(4, 7, leaf, changed, t.root()));
        assertFalse(MerkleTree.verifyInclusion(4, 7, leaf, p.path().subList(0, p.path().size() - 1), t.root()));
        List<byte[]> longer = new ArrayList<>(p.path());
        longer.add(t.root());
        assertFalse(MerkleTree.verifyInclusion(4, 7, leaf, longer, t.root()));
        // another root
        assertFalse(MerkleTree.verifyInclusion(4, 7, leaf, p.path(), tree(8).root()));
    }

    @Test
    void parseHashAcceptsOnly64HexDigits() {
        assertEquals(32, MerkleTree.parseHash("AB".repeat(32)).length);
        assertEquals(null, MerkleTree.parseHash("ab".repeat(31)));
        assertEquals(null, MerkleTree.parseHash("zz".repeat(32)));
        assertEquals("ab".repeat(32), HexFormat.of().formatHex(MerkleTree.parseHash("AB".repeat(32))));
    }
}
