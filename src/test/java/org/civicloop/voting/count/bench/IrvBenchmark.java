package org.civicloop.voting.count.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.io.ElectionFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IRV over a generated PrefLib .soi file of 1,000,000 ballots (one line each) and 20 options, parsing included.
 * Rankings are truncated (1 to 20 options) and drawn with skewed popularity, so some are repeated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class IrvBenchmark {

    static final int BALLOTS = 1_000_000;
    static final int OPTIONS = 20;

    Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = Files.createTempFile("irv-1m-", ".soi");
        write(file, BALLOTS, OPTIONS, 2024);
    }

    static void write(Path file, int ballots, int options, long seed) throws IOException {
        Random rnd = new Random(seed);
        double[] weight = new double[options];
        for (int i = 0; i < options; i++) {
            weight[i] = 1.0 / (i + 1); // Zipf-like popularity, used only to generate data
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# TITLE: generated\n# DATA TYPE: soi\n# NUMBER ALTERNATIVES: " + options + "\n# NUMBER VOTERS: "
                    + ballots + "\n");
            for (int i = 1; i <= options; i++) {
                w.write("# ALTERNATIVE NAME " + i + ": Option " + i + "\n");
            }
            boolean[] used = new boolean[options];
            StringBuilder sb = new StringBuilder();
            for (int b = 0; b < ballots; b++) {
                java.util.Arrays.fill(used, false);
                int len = 1 + Math.min(options - 1, (int) (-Math.log(1 - rnd.nextDouble()) * 3));
                sb.setLength(0);
                sb.append("1: ");
                for (int k = 0; k < len; k++) {
                    double total = 0;
                    for (int i = 0; i < options; i++) {
                        if (!used[i]) {
                            total += weight[i];
                        }
                    }
                    double x = rnd.nextDouble() * total;
                    int pick = -1;
                    for (int i = 0; i < options; i++) {
                        if (!used[i]) {
                            pick = i;
                            x -= weight[i];
                            if (x <= 0) {
                                break;
                            }
                        }
                    }
                    used[pick] = true;
                    if (k > 0) {
                        sb.append(',');
                    }
                    sb.append(pick + 1);
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public CountResult parseAndCountIrv() throws IOException {
        ElectionFile f = ElectionFiles.read(file);
        return Rules.count("irv", f.election(), f.profile(), CountOptions.DEFAULT);
    }
}
