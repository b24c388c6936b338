package org.civicloop.voting.count.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.io.ElectionFile;
import org.civicloop.voting.count.io.ElectionFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Budget rules on real pabulib files, parsing included. The files are read from ../shared/data (relative to the
 * working directory, the project root under Maven) or from -Dvoting.data=DIR.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BudgetBenchmark {

    @Param({"pabulib/poland_wroclaw_2020_.pb:greedy", "pabulib/poland_wroclaw_2020_.pb:mes",
            "pabulib/poland_warszawa_2023_ursynow.pb:mes",
            "pabulib-official/Poland_Wieliczka_2023_Green_Budget.pb:mes-add1"})
    public String fileAndRule;

    static Path data() {
        String p = System.getProperty("voting.data");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.dir")).resolve("../shared/data");
    }

    @Benchmark
    public CountResult parseAndCount() throws IOException {
        int colon = fileAndRule.lastIndexOf(':');
        ElectionFile f = ElectionFiles.read(data().resolve(fileAndRule.substring(0, colon)));
        return Rules.count(fileAndRule.substring(colon + 1), f.election(), f.profile(), CountOptions.DEFAULT);
    }
}
