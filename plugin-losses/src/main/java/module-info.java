/** Losses. */
module org.mvclust.losses {
    requires org.mvclust.nn;
    provides org.mvclust.api.Loss with org.mvclust.losses.MseLoss, org.mvclust.losses.Ddc1Loss, org.mvclust.losses.Ddc2Loss,
            org.mvclust.losses.Ddc3Loss, org.mvclust.losses.AttentionLoss, org.mvclust.losses.GeneratorLoss,
            org.mvclust.losses.DiscriminatorLoss, org.mvclust.losses.GaussianKlLoss, org.mvclust.losses.JointMiLoss,
            org.mvclust.losses.JointMiPairsLoss, org.mvclust.losses.PseudoLabelCeLoss, org.mvclust.losses.KlLoss,
            org.mvclust.losses.CrossEntropyLoss, org.mvclust.losses.VcrLoss, org.mvclust.losses.AnchorEntropyLoss,
            org.mvclust.losses.StructureLoss, org.mvclust.losses.NtXentLoss, org.mvclust.losses.IicLoss,
            org.mvclust.losses.CategoricalKlLoss, org.mvclust.losses.BceLoss,
            org.mvclust.losses.SumSquaresLoss, org.mvclust.losses.SpectralNetLoss, org.mvclust.losses.ViewDistanceLoss,
            org.mvclust.losses.SiameseLoss;
}
