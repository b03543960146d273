package org.mvclust.runtime.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/** Picocli builds commands and mixins through Guice, so that they receive what they need by constructor injection. */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException e) { // collections, converters and other picocli internals
            return CommandLine.defaultFactory().create(type);
        }
    }
}
