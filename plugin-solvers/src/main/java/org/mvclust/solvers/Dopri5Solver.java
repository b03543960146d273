package org.mvclust.solvers;

/** Dormand-Prince 5(4) with fixed steps, order 5 (six evaluations per step). */
public final class Dopri5Solver extends RungeKutta {
    public static final String NAME = "dopri5";

    public Dopri5Solver() {
        super(Tableau.DOPRI5);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Dormand-Prince 5(4) with fixed steps, order 5 (six evaluations per step)";
    }
}
