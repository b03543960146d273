/** Losses, and the graphs some of them compare against. */
module org.mvclust.losses {
    requires org.mvclust.api;
    exports org.mvclust.losses;
    provides org.mvclust.api.Loss with org.mvclust.losses.MseLoss, org.mvclust.losses.Ddc1Loss, org.mvclust.losses.Ddc2Loss,
            org.mvclust.losses.Ddc3Loss, org.mvclust.losses.AttentionLoss, org.mvclust.losses.GeneratorLoss,
            org.mvclust.losses.DiscriminatorLoss, org.mvclust.losses.VcrLoss;
    provides org.mvclust.api.Head with org.mvclust.losses.KnnGraph, org.mvclust.losses.KnnHead;
}
