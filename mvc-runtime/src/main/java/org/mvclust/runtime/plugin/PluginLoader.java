package org.mvclust.runtime.plugin;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BiConsumer;
import org.mvclust.api.Component;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.PresetProvider;
import org.mvclust.runtime.ConfigException;

/** Finds providers in the boot layer and in module jars of plugin directories (one new layer per directory). */
public final class PluginLoader {
    private PluginLoader() {
    }

    public static Registry load(List<Path> pluginDirs) {
        Registry registry = new Registry();
        List<ModuleLayer> layers = new ArrayList<>();
        for (Path dir : pluginDirs) {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("plugin directory " + dir.toAbsolutePath() + " does not exist or is not a directory");
            }
            layers.addAll(layersFor(dir, registry));
        }
        for (Kind kind : Kind.values()) {
            each(kind.type, layers, registry, (c, origin) -> registry.add(kind, c, origin));
        }
        each(PresetProvider.class, layers, registry, (p, origin) -> registry.addPresets(p));
        each(DatasetCatalog.class, layers, registry, (c, origin) -> registry.addCatalog(c));
        return registry;
    }

    /** One layer for all modules of the directory; if that fails to resolve, one layer per module that does. */
    private static List<ModuleLayer> layersFor(Path dir, Registry registry) {
        ModuleFinder finder;
        Set<ModuleReference> refs;
        try {
            finder = ModuleFinder.of(dir);
            refs = finder.findAll();
        } catch (RuntimeException e) {
            finder = eachOnItsOwn(dir, registry); // one unreadable jar must not hide the others
            refs = finder.findAll();
        }
        List<String> names = refs.stream().map(r -> r.descriptor().name())
                .filter(n -> parent().findModule(n).isEmpty()).sorted().toList();
        try {
            return List.of(define(finder, names));
        } catch (RuntimeException whole) {
            List<ModuleLayer> layers = new ArrayList<>();
            for (String name : names) {
                try {
                    layers.add(define(finder, List.of(name)));
                } catch (RuntimeException e) {
                    registry.problem("plugin module " + name + " in " + dir + " failed to load: " + e.getMessage());
                }
            }
            return layers;
        }
    }

    /** The directory's jars and module folders that can be read, each found alone; the others are reported. */
    private static ModuleFinder eachOnItsOwn(Path dir, Registry registry) {
        List<ModuleFinder> good = new ArrayList<>();
        try (var entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                try {
                    ModuleFinder f = ModuleFinder.of(p);
                    f.findAll();
                    good.add(f);
                } catch (RuntimeException e) {
                    registry.problem("plugin " + p + " cannot be read as a module: " + e.getMessage());
                }
            }
        } catch (java.io.IOException e) {
            registry.problem("plugin directory " + dir + ": " + e.getMessage());
        }
        return ModuleFinder.compose(good.toArray(ModuleFinder[]::new));
    }

    /** The layer of the runtime itself: the boot layer, or the layer an engine such as mvc-spark loaded it in. */
    private static ModuleLayer parent() {
        ModuleLayer own = PluginLoader.class.getModule().getLayer();
        return own != null ? own : ModuleLayer.boot();
    }

    private static ModuleLayer define(ModuleFinder finder, List<String> roots) {
        ModuleLayer parent = parent();
        Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(cf, PluginLoader.class.getClassLoader());
    }

    private static <S> void each(Class<S> service, List<ModuleLayer> layers, Registry registry, BiConsumer<S, String> sink) {
        drain(ServiceLoader.load(service, PluginLoader.class.getClassLoader()), null, registry, sink);
        for (ModuleLayer layer : layers) {
            drain(ServiceLoader.load(layer, service), layer, registry, sink);
        }
    }

    private static <S> void drain(ServiceLoader<S> loader, ModuleLayer only, Registry registry, BiConsumer<S, String> sink) {
        Iterator<ServiceLoader.Provider<S>> it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> p;
            try {
                if (!it.hasNext()) {
                    return;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                registry.problem("a plugin failed to load: " + e.getMessage());
                continue;
            }
            if (only != null && p.type().getModule().getLayer() != only) {
                continue;
            }
            try {
                S s = p.get();
                if (s instanceof Component c && (c.name() == null || !c.name().matches("[a-z0-9][a-z0-9_.-]*"))) {
                    registry.problem(p.type().getName() + " from " + origin(p.type())
                            + ": name '" + c.name() + "' is not a lowercase name");
                    continue;
                }
                sink.accept(s, origin(p.type()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                registry.problem("plugin class " + p.type().getName() + " from " + origin(p.type()) + " failed to load: " + e
                        + (e.getCause() != null ? " (caused by " + e.getCause() + ")" : ""));
            }
        }
    }

    /** A jar by its file name; an exploded module directory (e.g. target/classes) by its whole path. */
    private static String where(Path p) {
        return Files.isDirectory(p) ? p.toString() : p.getFileName().toString();
    }

    /** The jar or directory a class came from, for messages. */
    static String origin(Class<?> type) {
        Module m = type.getModule();
        if (m.isNamed() && m.getLayer() != null) {
            return m.getLayer().configuration().findModule(m.getName())
                    .flatMap(r -> r.reference().location()).map(u -> where(Path.of(u)) + " (module " + m.getName() + ")")
                    .orElse("module " + m.getName());
        }
        var src = type.getProtectionDomain().getCodeSource();
        return src == null ? "unknown location" : String.valueOf(src.getLocation());
    }
}
