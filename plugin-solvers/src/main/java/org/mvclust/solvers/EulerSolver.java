package org.mvclust.solvers;

/** Forward Euler, order 1: y += h·f(t, y). */
public final class EulerSolver extends RungeKutta {
    public EulerSolver() {
        super(Tableau.EULER);
    }

    @Override
    public String name() {
        return "euler";
    }

    @Override
    public String description() {
        return "Forward Euler, order 1: y += h·f(t, y)";
    }
}
