package org.mvclust.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Datasets known by name (e.g. the field's benchmark files), found in the given data directories. */
public interface DatasetCatalog {
    List<String> names();

    /** One line for listings: what the dataset is and its sizes. */
    String describe(String name);

    /** Loads a named dataset; options are the reader's (e.g. {@code samples=columns}), never a view subset. */
    MultiViewData load(String name, List<Path> dataDirs, Map<String, String> options) throws DatasetException;
}
