package org.mvclust.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Ships method graphs (YAML) by name, e.g. the presets of published papers. */
public interface PresetProvider {
    List<String> presets();

    InputStream open(String name) throws IOException;
}
