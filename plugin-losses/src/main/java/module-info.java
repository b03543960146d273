/** Losses. */
module org.mvclust.losses {
    requires org.mvclust.api;
    exports org.mvclust.losses;
    provides org.mvclust.api.Loss with org.mvclust.losses.MseLoss, org.mvclust.losses.GaussianKlLoss,
            org.mvclust.losses.JointMiLoss, org.mvclust.losses.JointMiPairsLoss;
}
