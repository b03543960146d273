/** Fusion operators. */
module org.mvclust.fusion {
    requires org.mvclust.nn;
    provides org.mvclust.api.FusionOperator with org.mvclust.fusion.ConcatFusion, org.mvclust.fusion.MeanFusion,
            org.mvclust.fusion.AttentionFusion, org.mvclust.fusion.WeightedMeanFusion, org.mvclust.fusion.LinearFusion;
}
