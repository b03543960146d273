/** Losses, and the graphs some of them compare against. */
module org.mvclust.losses {
    requires org.mvclust.api;
    provides org.mvclust.api.Loss with org.mvclust.losses.MseLoss, org.mvclust.losses.VcrLoss;
    provides org.mvclust.api.Head with org.mvclust.losses.KnnGraph, org.mvclust.losses.KnnHead;
}
