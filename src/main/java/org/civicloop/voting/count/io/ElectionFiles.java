package org.civicloop.voting.count.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads any supported file by its extension: .pb (pabulib), .soc/.soi/.toc/.toi (PrefLib), .blt. */
public final class ElectionFiles {

    private ElectionFiles() {
    }

    public static ElectionFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = extension(name);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, name, ext);
        }
    }

    /**
     * Reads from a reader.
     *
     * @param format one of pb, soc, soi, toc, toi, blt
     */
    public static ElectionFile read(Reader reader, String sourceName, String format) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        switch (format) {
            case "pb":
                return PabulibParser.parse(r, sourceName);
            case "soc":
            case "soi":
            case "toc":
            case "toi":
                return PrefLibParser.parse(r, sourceName, format);
            case "blt":
                return BltParser.parse(r, sourceName);
            default:
                throw new InputFormatException(sourceName, 0,
                        "unknown file type '." + format + "' (expected .pb, .soc, .soi, .toc, .toi or .blt)");
        }
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
