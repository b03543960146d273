package org.mvclust.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/**
 * Multi-view sets derived from the single-view {@code mnist} benchmark by the recipes of DeepMVC and the mvc
 * re-implementation; each is deterministic from its options and cached on disk with a checksum ({@link DerivedCache}).
 */
public final class DerivedCatalog implements DatasetCatalog {
    private record Recipe(String describe, Map<String, String> defaults) {
    }

    private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    static {
        RECIPES.put("edge-mnist", new Recipe("70000 samples, 2 views (784 image / 784 edge = 3×3 dilation − image), "
                + "10 classes; MNIST train+test, each view min-max scaled to [0,1] (DeepMVC's EdgeMNIST)", Map.of()));
        RECIPES.put("noisy-mnist", new Recipe("70000 samples, 2 views (784 image / 784 same-class partner + N(0,0.2) "
                + "noise), 10 classes; each view min-max scaled to [0,1] (DeepMVC's NoisyMNIST, equal in distribution)",
                Map.of("seed", "7", "sd", "0.2")));
        RECIPES.put("patched-mnist", new Recipe("21770 samples (digits 0-2), 12 views of 784 (28×28 patches of the "
                + "112×112 bilinear upscale, corners skipped), 3 classes; views min-max scaled (DeepMVC's make_dataset.py)",
                Map.of()));
        RECIPES.put("e-mnist", new Recipe("60000 samples (MNIST train only), 2 views (784 image / 784 edge), 10 classes;"
                + " views in [-1,1] (the mvc re-implementation's E-MNIST)", Map.of()));
    }

    private final BenchmarkCatalog base = new BenchmarkCatalog();

    @Override
    public List<String> names() {
        return List.copyOf(RECIPES.keySet());
    }

    @Override
    public String describe(String name) {
        Recipe r = RECIPES.get(name);
        return r == null ? name + ": not a known derived dataset" : name + ": " + r.describe() + "; from mnist/";
    }

    @Override
    public MultiViewData load(String name, List<Path> dataDirs, Map<String, String> options) throws DatasetException {
        Recipe r = RECIPES.get(name);
        if (r == null) {
            throw new DatasetException("'" + name + "' is not a derived dataset (" + String.join(", ", names()) + ")");
        }
        Map<String, String> opts = new TreeMap<>(r.defaults());
        opts.put("cache", "true");
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!opts.containsKey(o.getKey())) {
                throw new DatasetException(name + ": unknown option '" + o.getKey() + "' (known: "
                        + String.join(", ", opts.keySet()) + ")");
            }
            opts.put(o.getKey(), o.getValue());
        }
        boolean cache = !opts.remove("cache").equals("false");
        String key = name + opts + "@" + base.entry("mnist").sha256();
        if (cache) {
            MultiViewData hit = DerivedCache.read(name, key);
            if (hit != null) {
                return hit;
            }
        }
        MultiViewData built = build(name, base.load("mnist", dataDirs, Map.of()), opts);
        if (cache) {
            DerivedCache.write(built, key);
        }
        return built;
    }

    static MultiViewData build(String name, MultiViewData mnist, Map<String, String> opts) throws DatasetException {
        Matrix img = mnist.views().get(0);
        int[] y = mnist.labels();
        return switch (name) {
            case "edge-mnist" -> data(name, List.of("image", "edge"),
                    List.of(ImageRecipes.minMax(ImageRecipes.copy(img)), ImageRecipes.minMax(ImageRecipes.edge(img))), y);
            case "noisy-mnist" -> data(name, List.of("image", "noisy"), List.of(ImageRecipes.minMax(ImageRecipes.copy(img)),
                    ImageRecipes.minMax(ImageRecipes.noisy(img, y, number(opts, "sd"), (long) number(opts, "seed")))), y);
            case "e-mnist" -> {
                Matrix train = img.selectRows(IntStream.range(0, 60000).toArray());
                int[] ty = java.util.Arrays.copyOf(y, 60000);
                yield data(name, List.of("image", "edge"),
                        List.of(ImageRecipes.signed(ImageRecipes.copy(train)), ImageRecipes.signed(ImageRecipes.edge(train))), ty);
            }
            case "patched-mnist" -> {
                int[] keep = IntStream.range(0, y.length).filter(i -> y[i] <= 2).toArray();
                List<Matrix> views = ImageRecipes.patches(img.selectRows(keep), 4);
                List<String> names = new ArrayList<>();
                views.forEach(v -> {
                    ImageRecipes.minMax(v);
                    names.add("patch" + (names.size() + 1));
                });
                yield data(name, names, views, IntStream.of(keep).map(i -> y[i]).toArray());
            }
            default -> throw new DatasetException("no recipe for " + name);
        };
    }

    private static MultiViewData data(String name, List<String> viewNames, List<Matrix> views, int[] labels)
            throws DatasetException {
        return Checks.data(name, name, viewNames, views, labels, "error");
    }

    private static double number(Map<String, String> opts, String key) throws DatasetException {
        try {
            return Double.parseDouble(opts.get(key));
        } catch (NumberFormatException e) {
            throw new DatasetException(key + "=" + opts.get(key) + " is not a number");
        }
    }
}
