package org.mvclust.methods;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.mvclust.api.PresetProvider;

/** The presets shipped with mvclust: one YAML graph per method, beside this class. */
public final class BuiltinPresets implements PresetProvider {
    private static final List<String> NAMES = List.of("ae-kmeans", "bmvc", "ddc", "dmac", "eamc", "kmeans-concat", "msdib",
            "msdib-balanced", "nmode-mvc", "sdmvc");

    @Override
    public List<String> presets() {
        return NAMES;
    }

    @Override
    public InputStream open(String name) throws IOException {
        InputStream in = NAMES.contains(name) ? BuiltinPresets.class.getResourceAsStream(name + ".yaml") : null;
        if (in == null) {
            throw new FileNotFoundException("no preset '" + name + "' in " + NAMES);
        }
        return in;
    }
}
