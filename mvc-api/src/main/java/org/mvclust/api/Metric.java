package org.mvclust.api;

/** A measure of clusters against the true classes (acc, nmi, ...), reported in metrics.json, history.csv and bench tables. */
public interface Metric extends Component {
    /** The score of cluster labels {@code labels} against classes {@code truth}, both 0-based and of equal length. */
    double score(int[] truth, int[] labels);
}
