package org.mvclust.solvers;

/** Explicit midpoint rule, order 2 (two evaluations per step). */
public final class MidpointSolver extends RungeKutta {
    public static final String NAME = "midpoint";

    public MidpointSolver() {
        super(Tableau.MIDPOINT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Explicit midpoint rule, order 2 (two evaluations per step)";
    }
}
