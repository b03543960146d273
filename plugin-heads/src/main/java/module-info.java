/** Clustering heads and the ODE solvers they integrate with. */
module org.mvclust.heads {
    requires org.mvclust.api;
    exports org.mvclust.heads;
    exports org.mvclust.solvers;
    provides org.mvclust.api.OdeSolver with org.mvclust.solvers.EulerSolver, org.mvclust.solvers.MidpointSolver,
            org.mvclust.solvers.Rk4Solver, org.mvclust.solvers.Dopri5Solver, org.mvclust.solvers.AdaptiveDopri5Solver;
    provides org.mvclust.api.Head with org.mvclust.heads.StudentTHead, org.mvclust.heads.NmodeHead,
            org.mvclust.heads.DecTargetHead, org.mvclust.heads.ColumnNormHead,
            org.mvclust.heads.ClusterMeansHead;
}
