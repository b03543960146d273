/** Clustering heads: soft assignments, targets and projections (an nmODE head integrates with a named ODE solver). */
module org.mvclust.heads {
    requires org.mvclust.nn;
    provides org.mvclust.api.Head with org.mvclust.heads.DdcHead, org.mvclust.heads.DiscriminatorHead,
            org.mvclust.heads.BalancedLabelsHead, org.mvclust.heads.QrHead, org.mvclust.heads.StudentTHead,
            org.mvclust.heads.NmodeHead, org.mvclust.heads.DecTargetHead, org.mvclust.heads.ColumnNormHead,
            org.mvclust.heads.ClusterMeansHead, org.mvclust.heads.SharedDenseHead,
            org.mvclust.heads.GumbelSoftmaxHead, org.mvclust.heads.JoinHead, org.mvclust.heads.OrthonormHead;
}
