package org.mvclust.solvers;

/**
 * The Butcher tableau of an explicit Runge-Kutta method: stage coefficients {@code a} (row i has i entries), weights
 * {@code b}, nodes {@code c}, the order of the weights, and optional error weights {@code e} (b minus the embedded
 * lower-order weights; then {@code a} has one more row, the stage at the new point).
 */
record Tableau(double[][] a, double[] b, double[] c, int order, double[] e) {
    static final Tableau EULER = new Tableau(new double[][] {{}}, new double[] {1}, new double[] {0}, 1, null);

    static final Tableau MIDPOINT = new Tableau(new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}, 2, null);

    static final Tableau RK4 = new Tableau(new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0}, new double[] {0, 0.5, 0.5, 1}, 4, null);

    /** Dormand-Prince 5(4): fifth-order weights, fourth-order embedded estimate, first-same-as-last seventh stage. */
    static final Tableau DOPRI5 = new Tableau(
            new double[][] {
                {},
                {1 / 5.0},
                {3 / 40.0, 9 / 40.0},
                {44 / 45.0, -56 / 15.0, 32 / 9.0},
                {19372 / 6561.0, -25360 / 2187.0, 64448 / 6561.0, -212 / 729.0},
                {9017 / 3168.0, -355 / 33.0, 46732 / 5247.0, 49 / 176.0, -5103 / 18656.0},
                {35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0}},
            new double[] {35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0},
            new double[] {0, 1 / 5.0, 3 / 10.0, 4 / 5.0, 8 / 9.0, 1, 1},
            5,
            new double[] {35 / 384.0 - 5179 / 57600.0, 0, 500 / 1113.0 - 7571 / 16695.0, 125 / 192.0 - 393 / 640.0,
                -2187 / 6784.0 + 92097 / 339200.0, 11 / 84.0 - 187 / 2100.0, -1 / 40.0});

    int stages() {
        return b.length;
    }
}
