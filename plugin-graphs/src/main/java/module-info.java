/** Graph blocks: learnable anchors, the sample-to-anchor graph and its convolution, CAN kNN graphs of a batch. */
module org.mvclust.graphs {
    requires org.mvclust.nn;
    provides org.mvclust.api.Head with org.mvclust.graphs.PerturbedAnchors, org.mvclust.graphs.AnchorGraph,
            org.mvclust.graphs.AnchorGcn, org.mvclust.graphs.KnnGraph, org.mvclust.graphs.KnnHead,
            org.mvclust.graphs.SelfExpression, org.mvclust.graphs.SpectralEmbedding, org.mvclust.graphs.KnnAffinity;
}
