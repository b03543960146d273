/** Discovery, wiring, method-graph config, training, evaluation and the CLI. Knows no method by name. */
module org.mvclust.runtime {
    requires transitive org.mvclust.api;
    requires org.mvclust.nn;
    requires com.google.guice;
    requires jakarta.inject;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires java.compiler;
    requires java.desktop;
    requires xchart;
    requires org.apache.commons.csv;

    exports org.mvclust.runtime;
    exports org.mvclust.runtime.plugin;
    exports org.mvclust.runtime.config;
    exports org.mvclust.runtime.graph;
    exports org.mvclust.runtime.train;
    exports org.mvclust.runtime.data;
    exports org.mvclust.runtime.eval;
    exports org.mvclust.runtime.cli;
    exports org.mvclust.runtime.report;
    exports org.mvclust.runtime.model;
    opens org.mvclust.runtime.plugin to com.google.guice;
    opens org.mvclust.runtime.cli to info.picocli, com.google.guice;

    uses org.mvclust.api.Encoder;
    uses org.mvclust.api.FusionOperator;
    uses org.mvclust.api.Head;
    uses org.mvclust.api.Loss;
    uses org.mvclust.api.OdeSolver;
    uses org.mvclust.api.DatasetReader;
    uses org.mvclust.api.DatasetCatalog;
    uses org.mvclust.api.Readout;
    uses org.mvclust.api.PresetProvider;
    uses org.mvclust.api.Optimizer;
    uses org.mvclust.api.Metric;
    uses org.mvclust.api.Preprocessor;

    provides org.mvclust.api.Readout with org.mvclust.runtime.eval.KMeansReadout, org.mvclust.runtime.eval.ArgmaxReadout;
    provides org.mvclust.api.Optimizer with org.mvclust.runtime.optim.Adam, org.mvclust.runtime.optim.AdamW,
            org.mvclust.runtime.optim.RmsProp, org.mvclust.runtime.optim.Sgd;
    provides org.mvclust.api.Metric with org.mvclust.runtime.eval.StandardMetrics.Acc, org.mvclust.runtime.eval.StandardMetrics.Nmi,
            org.mvclust.runtime.eval.StandardMetrics.Ari, org.mvclust.runtime.eval.StandardMetrics.Purity,
            org.mvclust.runtime.eval.StandardMetrics.Fscore;
    provides org.mvclust.api.Preprocessor with org.mvclust.runtime.data.StandardPreprocessors.None,
            org.mvclust.runtime.data.StandardPreprocessors.MinMax, org.mvclust.runtime.data.StandardPreprocessors.ZScore,
            org.mvclust.runtime.data.StandardPreprocessors.L2;
}
