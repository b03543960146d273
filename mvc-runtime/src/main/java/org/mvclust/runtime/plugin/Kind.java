package org.mvclust.runtime.plugin;

import org.mvclust.api.Component;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Encoder;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Head;
import org.mvclust.api.Loss;
import org.mvclust.api.Metric;
import org.mvclust.api.OdeSolver;
import org.mvclust.api.Optimizer;
import org.mvclust.api.Preprocessor;
import org.mvclust.api.Readout;

/** The kinds of named component, each one SPI. */
public enum Kind {
    ENCODER("encoder", Encoder.class),
    FUSION("fusion", FusionOperator.class),
    HEAD("head", Head.class),
    LOSS("loss", Loss.class),
    SOLVER("solver", OdeSolver.class),
    READER("reader", DatasetReader.class),
    READOUT("readout", Readout.class),
    OPTIMIZER("optimizer", Optimizer.class),
    METRIC("metric", Metric.class),
    PREPROCESSOR("preprocessor", Preprocessor.class);

    public final String label;
    public final Class<? extends Component> type;

    Kind(String label, Class<? extends Component> type) {
        this.label = label;
        this.type = type;
    }

    public static Kind byLabel(String label) {
        for (Kind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(k -> k.label).toList();
    }
}
