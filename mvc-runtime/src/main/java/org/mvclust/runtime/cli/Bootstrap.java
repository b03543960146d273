package org.mvclust.runtime.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.PluginModule;
import org.mvclust.runtime.plugin.Registry;

/** Discovery plus Guice: the one place where the runtime's object graph is assembled. */
public final class Bootstrap {
    private Bootstrap() {
    }

    public static Injector injector(List<Path> pluginDirs) {
        Registry registry = PluginLoader.load(pluginDirs);
        return Guice.createInjector(new PluginModule(registry));
    }
}
