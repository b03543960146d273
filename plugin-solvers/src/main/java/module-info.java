/** ODE solvers for heads that integrate a differential equation (fixed-step Runge-Kutta and adaptive Dormand-Prince). */
module org.mvclust.solvers {
    requires org.mvclust.api;
    provides org.mvclust.api.OdeSolver with org.mvclust.solvers.EulerSolver, org.mvclust.solvers.MidpointSolver,
            org.mvclust.solvers.Rk4Solver, org.mvclust.solvers.Dopri5Solver, org.mvclust.solvers.AdaptiveDopri5Solver;
}
