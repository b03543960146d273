package org.mvclust.methods;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mvclust.api.PresetProvider;

/** The presets shipped with mvclust: every YAML graph beside this class, named by its file. */
public final class BuiltinPresets implements PresetProvider {
    private static final String FOLDER = "org/mvclust/methods/";

    private final List<String> names = list();

    @Override
    public List<String> presets() {
        return names;
    }

    @Override
    public InputStream open(String name) throws IOException {
        InputStream in = names.contains(name) ? BuiltinPresets.class.getResourceAsStream(name + ".yaml") : null;
        if (in == null) {
            throw new FileNotFoundException("no preset '" + name + "' in " + names);
        }
        return in;
    }

    /**
     * On the module path the module's own reader lists its resources, from a jar or a folder alike; on the class path,
     * the jar or folder this class came from is listed.
     */
    private static List<String> list() {
        Module module = BuiltinPresets.class.getModule();
        try {
            if (module.getLayer() != null) {
                var ref = module.getLayer().configuration().findModule(module.getName()).orElseThrow().reference();
                try (ModuleReader reader = ref.open(); Stream<String> all = reader.list()) {
                    return names(all);
                }
            }
            Path source = Path.of(BuiltinPresets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> all = Files.walk(source)) {
                    return names(all.map(p -> source.relativize(p).toString().replace('\\', '/')));
                }
            }
            try (FileSystem jar = FileSystems.newFileSystem(source); Stream<Path> all = Files.walk(jar.getPath("/"))) {
                return names(all.map(p -> p.toString().substring(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the presets of " + module, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Stream<String> resources) {
        return resources.filter(r -> r.startsWith(FOLDER) && r.endsWith(".yaml") && r.indexOf('/', FOLDER.length()) < 0)
                .map(r -> r.substring(FOLDER.length(), r.length() - ".yaml".length())).sorted().toList();
    }
}
