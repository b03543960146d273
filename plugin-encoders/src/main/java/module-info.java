/** Encoders and clustering heads. */
module org.mvclust.encoders {
    requires org.mvclust.api;
    exports org.mvclust.encoders;
    provides org.mvclust.api.Encoder with org.mvclust.encoders.MlpEncoder;
    provides org.mvclust.api.Head with org.mvclust.encoders.DdcHead, org.mvclust.encoders.DiscriminatorHead,
            org.mvclust.encoders.QrHead;
}
