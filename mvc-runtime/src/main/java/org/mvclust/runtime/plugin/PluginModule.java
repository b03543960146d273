package org.mvclust.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.mvclust.api.Component;
import org.mvclust.api.DatasetCatalog;

/**
 * Guice bindings of everything discovery found: one {@code Map<String, SPI>} per kind (e.g. {@code Map<String, Loss>}),
 * the dataset catalogs, and the registry itself.
 */
public final class PluginModule extends AbstractModule {
    private final Registry registry;

    public PluginModule(Registry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(Registry.class).toInstance(registry);
        for (Kind kind : Kind.values()) {
            bindKind(kind, kind.type);
        }
    }

    @Provides
    List<DatasetCatalog> catalogs() {
        return registry.catalogs();
    }

    private <T extends Component> void bindKind(Kind kind, Class<T> type) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, type);
        registry.all(kind).forEach((name, c) -> map.addBinding(name).toInstance(type.cast(c)));
    }
}
