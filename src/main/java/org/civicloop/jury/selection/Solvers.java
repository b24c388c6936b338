package org.civicloop.jury.selection;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;

/** OR-Tools access: native libraries loaded once; solvers single-threaded with fixed parameters (determinism). */
final class Solvers {

    private static boolean loaded;

    private Solvers() {
    }

    static synchronized void load() {
        if (!loaded) {
            try {
                Loader.loadNativeLibraries();
            } catch (RuntimeException | LinkageError e) {
                // Inside an application server the jar's URL scheme may be one that OR-Tools' loader cannot open
                // as a file system (Open Liberty's "wsjar:"): unpack the natives from the jar file ourselves.
                loadFromJar(e);
            }
            loaded = true;
        }
    }

    private static final String NATIVES = "ortools-linux-x86-64/";

    private static void loadFromJar(Throwable cause) {
        java.net.URL url = Solvers.class.getClassLoader().getResource(NATIVES + "libjniortools.so");
        if (url == null) {
            throw new IllegalStateException("OR-Tools native libraries for Linux x86-64 are not on the class path",
                    cause);
        }
        String s = url.toString();
        int bang = s.indexOf("!/");
        int file = s.indexOf("file:");
        if (bang < 0 || file < 0) {
            throw new IllegalStateException("Cannot locate the OR-Tools native jar from " + s, cause);
        }
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(new java.net.URI(s.substring(file, bang)));
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("civicloop-ortools-");
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                var entries = zip.entries();
                while (entries.hasMoreElements()) {
                    java.util.zip.ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(NATIVES)) {
                        continue;
                    }
                    java.nio.file.Path target = dir.resolve(entry.getName().substring(NATIVES.length())).normalize();
                    if (!target.startsWith(dir)) {
                        continue;
                    }
                    try (java.io.InputStream in = zip.getInputStream(entry)) {
                        java.nio.file.Files.copy(in, target);
                    }
                }
            }
            System.load(dir.resolve("libjniortools.so").toAbsolutePath().toString());
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot unpack the OR-Tools native libraries", e);
        }
    }

    /** SCIP (integer programs). */
    static MPSolver ilp() {
        load();
        MPSolver s = MPSolver.createSolver("SCIP");
        if (s == null) {
            throw new IllegalStateException("OR-Tools SCIP solver is not available");
        }
        s.setNumThreads(1);
        return s;
    }

    /** GLOP (linear programs). */
    static MPSolver lp() {
        load();
        MPSolver s = MPSolver.createSolver("GLOP");
        if (s == null) {
            throw new IllegalStateException("OR-Tools GLOP solver is not available");
        }
        s.setNumThreads(1);
        return s;
    }

    /**
     * CLP (linear programs) for column generation: unlike GLOP behind MPSolver, it keeps its model and basis between
     * solves, so a master LP that only gains columns (or has bounds changed) is re-solved from the previous basis.
     * Use it with {@link #warmLp()}.
     */
    static MPSolver incrementalLp() {
        load();
        MPSolver s = MPSolver.createSolver("CLP");
        if (s == null) {
            throw new IllegalStateException("OR-Tools CLP solver is not available");
        }
        return s;
    }

    /** Presolve off (it would discard the basis) and primal simplex (new columns keep the basis primal feasible). */
    static MPSolverParameters warmLp() {
        load();
        MPSolverParameters p = new MPSolverParameters();
        p.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        p.setIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM,
                MPSolverParameters.LpAlgorithmValues.PRIMAL.swigValue());
        return p;
    }

    static MPSolverParameters exactMip() {
        load();
        MPSolverParameters p = new MPSolverParameters();
        p.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        return p;
    }
}
