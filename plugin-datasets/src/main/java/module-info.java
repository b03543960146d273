/** Dataset readers (synthetic, mat, csv) and the catalog of named benchmark files. */
module org.mvclust.datasets {
    requires org.mvclust.api;

    exports org.mvclust.datasets;

    provides org.mvclust.api.DatasetReader with org.mvclust.datasets.SyntheticReader;
}
