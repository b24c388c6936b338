package org.civicloop.voting.count;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.io.ElectionFiles;

/** Locates test inputs: small copies in src/test/resources/voting, the rest in ../shared/data. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A copied resource under src/test/resources/voting. */
    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/voting/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /**
     * The shared reference data folder; skips the test when it is absent, except under {@code CI=true} where a
     * missing folder fails the test (a CI run must not pass by skipping the real-data checks).
     */
    public static Path shared() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../shared/data").normalize();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(Files.isDirectory(p), "CI=true but the reference data folder ../shared/data is absent");
        }
        assumeTrue(Files.isDirectory(p), "reference data folder ../shared/data is absent");
        return p;
    }

    public static ElectionFile read(Path p) {
        try {
            return ElectionFiles.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ElectionFile parse(String text, String format) {
        try {
            return ElectionFiles.read(new StringReader(text), "test." + format, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
