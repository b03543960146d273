package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.PresetProvider;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/** Every preset file is found and validates; the short ones resolve to the graphs they were written out as. */
class PresetsTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final Path FOLDER = Path.of("src/main/resources/org/mvclust/methods");
    private final GraphLoader loader = new GraphLoader(REGISTRY);

    private static List<String> files() throws Exception {
        try (Stream<Path> all = Files.list(FOLDER)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @Test
    void everyPresetFileIsFoundAndValidatesUnderItsOwnName() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(new BuiltinPresets().presets()).isEqualTo(files());
        assertThat(loader.presetNames()).isEqualTo(files());
        for (String name : files()) {
            GraphSpec spec = loader.load(name, List.of());
            assertThat(spec.name()).as(name).isEqualTo(name);
            assertThat(spec.tree().has("extends")).as(name).isFalse();
        }
    }

    /** The full files of sdmvc and msdib-balanced from before they extended nmode-mvc and msdib, kept as test resources. */
    @Test
    void shortPresetsResolveToTheirFullGraphs() throws Exception {
        for (String name : List.of("sdmvc", "msdib-balanced")) {
            assertThat(Files.readString(FOLDER.resolve(name + ".yaml"))).contains("\nextends: ");
            GraphSpec full = loader.load("src/test/resources/full/" + name + ".yaml", List.of());
            GraphSpec resolved = loader.load(name, List.of());
            assertThat(resolved.tree()).as(name).isEqualTo(full.tree());
            for (String section : List.of("nodes", "losses", "buffers")) {
                assertThat(keys(resolved.tree().path(section))).as(name + " " + section + " in order")
                        .isEqualTo(keys(full.tree().path(section)));
            }
        }
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aUserFileMayExtendAPreset(@TempDir Path dir) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.yaml"), """
                extends: nmode-mvc
                name: mine
                set:
                  latent: 4
                  phases.rounds.repeat: 2
                """);
        GraphSpec spec = loader.load(mine.toString(), List.of("nmode.steps=3"));
        GraphSpec base = loader.load("nmode-mvc", List.of());
        assertThat(spec.name()).isEqualTo("mine");
        assertThat(spec.vars()).containsEntry("latent", 4);
        assertThat(spec.phases().get(2).repeat()).isEqualTo(2);
        assertThat(spec.nodes().get("nmode").params()).containsEntry("steps", 3);
        assertThat(spec.nodes().keySet()).containsExactlyElementsOf(base.nodes().keySet());
        assertThat(spec.losses()).isEqualTo(base.losses());
    }

    @Test
    void unknownNamesSuggestThePresets(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> loader.load("ae-kmeens", List.of())).hasMessageContaining("did you mean: ae-kmeans");
        Path mine = Files.writeString(dir.resolve("mine.yaml"), "extends: nmode-mv\n");
        assertThatThrownBy(() -> loader.load(mine.toString(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mine.yaml: extends: unknown method 'nmode-mv' (did you mean: nmode-mvc)")
                .hasMessageContaining("presets: " + String.join(", ", files()));
    }

    /** Loads mvclust's classes from its own URLs: the built-in loaders would hand out the boot layer's modules. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.mvclust.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }

    /** The module in a jar on the module path, and the jar and the folder on the class path, list the same presets. */
    @Test
    void presetsAreListedFromAJarAndFromTheClassPath(@TempDir Path dir) throws Exception {
        Path classes = Path.of("target/classes");
        Path jar = dir.resolve("plugin-methods.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(),
                List.of("org.mvclust.methods"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        PresetsTest.class.getModule().addUses(PresetProvider.class);
        PresetProvider fromJar = ServiceLoader.load(layer, PresetProvider.class).stream()
                .filter(p -> p.type().getModule().getLayer() == layer).findFirst().orElseThrow().get();
        assertThat(fromJar.getClass()).isNotSameAs(BuiltinPresets.class);
        assertThat(fromJar.presets()).isEqualTo(files());

        URL api = PresetProvider.class.getProtectionDomain().getCodeSource().getLocation();
        for (Path where : List.of(jar, classes)) {
            try (URLClassLoader cp = new ChildFirst(new URL[] {where.toUri().toURL(), api})) {
                Class<?> type = cp.loadClass(BuiltinPresets.class.getName());
                assertThat(type.getModule().isNamed()).isFalse();
                Object presets = type.getConstructor().newInstance();
                assertThat(type.getMethod("presets").invoke(presets)).as(where.toString()).isEqualTo(files());
                try (InputStream in = (InputStream) type.getMethod("open", String.class).invoke(presets, "sdmvc")) {
                    assertThat(new String(in.readAllBytes())).contains("name: sdmvc");
                }
            }
        }
    }
}
