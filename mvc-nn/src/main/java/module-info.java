/**
 * The tensor kit plugins may require: dense layers, batch norm, activations and initialisers, squared distances,
 * Gaussian kernels and Cauchy-Schwarz terms, CAN neighbour graphs, reductions. Graph ops only, no state of its own.
 */
module org.mvclust.nn {
    requires transitive org.mvclust.api;
    exports org.mvclust.nn;
}
