package org.mvclust.solvers;

/** Classical Runge-Kutta, order 4 (four evaluations per step). */
public final class Rk4Solver extends RungeKutta {
    public Rk4Solver() {
        super(Tableau.RK4);
    }

    @Override
    public String name() {
        return "rk4";
    }

    @Override
    public String description() {
        return "Classical Runge-Kutta, order 4 (four evaluations per step)";
    }
}
