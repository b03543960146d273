/** Dataset readers (synthetic, mat, csv, idx), the catalog of named benchmark files and the sets derived from them. */
module org.mvclust.datasets {
    requires org.mvclust.api;
    requires org.apache.commons.csv;
    requires us.hebi.matlab.mat.mfl.core;
    requires io.jhdf;
    // Not used directly: jhdf needs it and, being an explicit module, it is only resolved when required.
    requires org.apache.commons.lang3;

    provides org.mvclust.api.DatasetReader with
            org.mvclust.datasets.MatReader, org.mvclust.datasets.CsvReader, org.mvclust.datasets.IdxReader,
            org.mvclust.datasets.SyntheticReader;
    provides org.mvclust.api.DatasetCatalog with org.mvclust.datasets.BenchmarkCatalog,
            org.mvclust.datasets.DerivedCatalog;
}
