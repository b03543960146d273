/** Losses. */
module org.mvclust.losses {
    requires org.mvclust.api;
    provides org.mvclust.api.Loss with org.mvclust.losses.MseLoss, org.mvclust.losses.AnchorEntropyLoss,
            org.mvclust.losses.ConsistencyLoss, org.mvclust.losses.StructureLoss;
}
