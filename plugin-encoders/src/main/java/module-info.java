/** Encoders and clustering heads. */
module org.mvclust.encoders {
    requires org.mvclust.api;
    exports org.mvclust.encoders;
    provides org.mvclust.api.Encoder with org.mvclust.encoders.MlpEncoder, org.mvclust.encoders.GaussianMlpEncoder,
            org.mvclust.encoders.Standardize, org.mvclust.encoders.Whiten, org.mvclust.encoders.L2Normalize,
            org.mvclust.encoders.CnnEncoder, org.mvclust.encoders.CnnDecoder;
    provides org.mvclust.api.Head with org.mvclust.encoders.DdcHead, org.mvclust.encoders.DiscriminatorHead,
            org.mvclust.encoders.BalancedLabelsHead, org.mvclust.encoders.QrHead, org.mvclust.encoders.PerturbedAnchors,
            org.mvclust.encoders.AnchorGraph, org.mvclust.encoders.AnchorGcn;
}
