package org.civicloop.audit.chain;

import java.io.PrintStream;

/**
 * The two options the offline checks of a published file take: the file ({@code --ballots} or {@code --proof}) and
 * the root it must match ({@code --root}, 64 hexadecimal digits).
 */
record FileAndRoot(String file, byte[] root) {

    /** The options read from the command line, or null after telling {@code err} what is wrong and how to call. */
    static FileAndRoot parse(String[] args, String fileOption, String usage, PrintStream err) {
        String file = null;
        String rootHex = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("Missing value after " + args[i]);
                err.println(usage);
                return null;
            }
            if (args[i].equals(fileOption)) {
                file = args[++i];
            } else if (args[i].equals("--root")) {
                rootHex = args[++i];
            } else {
                err.println("Unknown option " + args[i]);
                err.println(usage);
                return null;
            }
        }
        byte[] root = MerkleTree.parseHash(rootHex);
        if (file == null || root == null) {
            err.println(rootHex != null && root == null ? "--root needs 64 hexadecimal digits" : usage);
            return null;
        }
        return new FileAndRoot(file, root);
    }
}
