/** The plugin contract of mvclust: SPIs and value types, nothing else. */
module org.mvclust.api {
    requires transitive tensorflow;
    exports org.mvclust.api;
}
