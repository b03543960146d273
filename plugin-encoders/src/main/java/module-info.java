/**
 * Encoders (mlp, gaussian_mlp) and the transforms standardize, whiten and l2norm: encoders without weights that rescale
 * the rows or columns they are given.
 */
module org.mvclust.encoders {
    requires org.mvclust.nn;
    provides org.mvclust.api.Encoder with org.mvclust.encoders.MlpEncoder, org.mvclust.encoders.GaussianMlpEncoder,
            org.mvclust.encoders.Standardize, org.mvclust.encoders.Whiten, org.mvclust.encoders.L2Normalize,
            org.mvclust.encoders.CnnEncoder, org.mvclust.encoders.CnnDecoder;
}
