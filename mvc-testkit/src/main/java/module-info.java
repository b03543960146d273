/** Test support for plugin authors: one block in a graph, evaluation, numerical gradient checks. */
module org.mvclust.testkit {
    requires transitive org.mvclust.api;
    exports org.mvclust.testkit;
}
