package org.mvclust.api;

/** Turns a representation of all samples into hard cluster labels 0..k-1. */
public interface Readout extends Component {
    int[] labels(Matrix x, int k, long seed, Params params);

    /** What is wrong with these parameter values (named by their keys), or null; asked before any training. */
    default String problem(Params params) {
        return null;
    }
}
