package org.mvclust.solvers;

/** Forward Euler, order 1: y += h·f(t, y). */
public final class EulerSolver extends RungeKutta {
    public static final String NAME = "euler";

    public EulerSolver() {
        super(Tableau.EULER);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Forward Euler, order 1: y += h·f(t, y)";
    }
}
