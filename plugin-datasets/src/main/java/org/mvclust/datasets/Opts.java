package org.mvclust.datasets;

import java.util.Arrays;
import java.util.List;
import org.mvclust.api.DatasetException;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/** Reads a component's string params, falling back to the declared defaults when a caller did not resolve them. */
final class Opts {
    private final Params params;
    private final List<ParamSpec> specs;
    private final String file;

    Opts(Params params, List<ParamSpec> specs, String file) {
        this.params = params == null ? new Params(java.util.Map.of()) : params;
        this.specs = specs;
        this.file = file;
    }

    String get(String name) {
        if (params.has(name)) {
            return String.valueOf(params.asMap().get(name)).trim();
        }
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> String.valueOf(s.defaultValue())).orElseThrow();
    }

    /** The value, which must be one of {@code allowed}. */
    String choice(String name, String... allowed) throws DatasetException {
        String v = get(name).toLowerCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new DatasetException(file + ": " + name + "=" + v + " is not one of " + String.join("|", allowed));
        }
        return v;
    }
}
