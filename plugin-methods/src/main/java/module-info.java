/** The method graphs (presets) of published methods, as YAML resources found by name. */
module org.mvclust.methods {
    requires org.mvclust.api;
    provides org.mvclust.api.PresetProvider with org.mvclust.methods.BuiltinPresets;
}
