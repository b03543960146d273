/** The presets' tests: the module itself, read with the runtime and the built-in plugins. */
open module org.mvclust.methods {
    requires org.mvclust.api;
    requires org.mvclust.runtime;
    requires org.mvclust.nn;
    requires org.mvclust.testkit;
    requires com.fasterxml.jackson.databind;
    requires org.junit.jupiter.api;
    requires org.assertj.core;
    requires tensorflow;

    uses org.mvclust.api.Encoder;
    uses org.mvclust.api.FusionOperator;
    uses org.mvclust.api.Head;
    uses org.mvclust.api.Loss;
    uses org.mvclust.api.OdeSolver;
    uses org.mvclust.api.Readout;
    uses org.mvclust.api.PresetProvider;

    provides org.mvclust.api.PresetProvider with org.mvclust.methods.BuiltinPresets;
}
