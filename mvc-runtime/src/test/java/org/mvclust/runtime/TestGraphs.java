package org.mvclust.runtime;

/** Graph files for the runtime's tests (copies of presets), as paths from the module's folder. */
public final class TestGraphs {
    public static final String AE_KMEANS = "src/test/resources/graphs/ae-kmeans.yaml";
    public static final String DDC = "src/test/resources/graphs/ddc.yaml";
    public static final String KMEANS_CONCAT = "src/test/resources/graphs/kmeans-concat.yaml";

    private TestGraphs() {
    }
}
