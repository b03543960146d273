package org.mvclust.runtime.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mvclust.api.Component;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.PresetProvider;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;

/** Everything discovery found: components by kind and name, where each came from, and what failed to load. */
public final class Registry {
    private final Map<Kind, Map<String, Component>> components = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, String>> aliases = new EnumMap<>(Kind.class);
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, String> conflicts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<PresetProvider> presets = new ArrayList<>();
    private final List<DatasetCatalog> catalogs = new ArrayList<>();

    public Registry() {
        for (Kind k : Kind.values()) {
            components.put(k, new TreeMap<>());
            aliases.put(k, new TreeMap<>());
        }
    }

    void add(Kind kind, Component c, String origin) {
        String key = kind.label + ":" + c.name();
        Component old = components.get(kind).get(c.name());
        if (old != null) {
            String msg = "two " + kind.label + " providers named '" + c.name() + "': " + old.getClass().getName()
                    + " from " + origins.get(key) + " and " + c.getClass().getName() + " from " + origin;
            conflicts.put(key, msg);
            problems.add(msg);
            return;
        }
        components.get(kind).put(c.name(), c);
        origins.put(key, origin);
        for (String alias : c.aliases()) {
            String taken = components.get(kind).containsKey(alias) ? alias : aliases.get(kind).get(alias);
            if (taken != null) {
                problems.add(kind.label + " '" + c.name() + "' from " + origin + ": alias '" + alias + "' ignored, it names '"
                        + taken + "'");
            } else {
                aliases.get(kind).put(alias, c.name());
            }
        }
    }

    void problem(String message) {
        problems.add(message);
    }

    void addPresets(PresetProvider p) {
        presets.add(p);
    }

    void addCatalog(DatasetCatalog c) {
        catalogs.add(c);
    }

    /** The component of a kind by name or alias; unknown or ambiguous names fail with the nearest valid names. */
    public <T extends Component> T get(Kind kind, String name, String where) {
        if (!components.get(kind).containsKey(name)) {
            name = aliases.get(kind).getOrDefault(name, name);
        }
        String conflict = conflicts.get(kind.label + ":" + name);
        if (conflict != null) {
            throw new ConfigException(where + ": " + conflict);
        }
        Component c = components.get(kind).get(name);
        if (c == null) {
            throw new ConfigException(where + ": " + Names.unknown(kind.label, name, components.get(kind).keySet())
                    + (problems.isEmpty() ? "" : "; some plugins failed to load, it may be one of them: "
                    + String.join("; ", problems)));
        }
        @SuppressWarnings("unchecked")
        T t = (T) kind.type.cast(c);
        return t;
    }

    /** Components by their canonical names (aliases are not keys). */
    public Map<String, Component> all(Kind kind) {
        return Collections.unmodifiableMap(components.get(kind));
    }

    public String origin(Kind kind, String name) {
        return origins.get(kind.label + ":" + name);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public List<PresetProvider> presetProviders() {
        return Collections.unmodifiableList(presets);
    }

    public List<DatasetCatalog> catalogs() {
        return Collections.unmodifiableList(catalogs);
    }
}
