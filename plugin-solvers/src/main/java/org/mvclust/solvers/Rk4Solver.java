package org.mvclust.solvers;

/** Classical Runge-Kutta, order 4 (four evaluations per step). */
public final class Rk4Solver extends RungeKutta {
    public static final String NAME = "rk4";

    public Rk4Solver() {
        super(Tableau.RK4);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Classical Runge-Kutta, order 4 (four evaluations per step)";
    }
}
