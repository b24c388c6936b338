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
            Loader.loadNativeLibraries();
            loaded = true;
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

    static MPSolverParameters exactMip() {
        load();
        MPSolverParameters p = new MPSolverParameters();
        p.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        return p;
    }
}
