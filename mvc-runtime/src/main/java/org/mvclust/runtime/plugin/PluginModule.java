package org.mvclust.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.mvclust.api.Component;

/** Guice bindings of every discovered component: one {@code Map<String, SPI>} per kind, plus the registry. */
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

    private <T extends Component> void bindKind(Kind kind, Class<T> type) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, type);
        registry.all(kind).forEach((name, c) -> map.addBinding(name).toInstance(type.cast(c)));
    }
}
