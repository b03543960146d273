package org.mvclust.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.Loss;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.testkit.TestData;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.cli.Main;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** A module compiled here, outside the project, dropped as a jar into a plugin directory. */
class ExternalPluginTest {
    private static final String ABS_LOSS = """
            package com.example.abs;

            import java.util.List;
            import java.util.Map;
            import org.mvclust.api.*;
            import org.tensorflow.Operand;
            import org.tensorflow.types.TFloat32;

            public final class AbsLoss implements Loss {
                public String name() { return "%s"; }
                public String description() { return "Mean absolute error"; }
                public List<ParamSpec> params() { return List.of(ParamSpec.ofDouble("scale", 1.0, "multiplies the loss")); }
                public List<Port> inputs() { return List.of(Port.one("pred", "prediction"), Port.one("target", "target")); }
                public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
                    var tf = ctx.tf();
                    var d = tf.math.abs(tf.math.sub(in.one("pred"), in.one("target")));
                    var mean = tf.math.mean(tf.reshape(d, tf.constant(new long[] {-1})), tf.constant(0));
                    return Map.of("loss", tf.math.mul(mean, tf.constant((float) p.getDouble("scale"))));
                }
            }
            """;

    private static final String SIGN_SGD = """
            package com.example.opt;

            import java.util.ArrayList;
            import java.util.List;
            import org.mvclust.api.*;
            import org.tensorflow.op.Op;
            import org.tensorflow.op.Ops;

            public final class SignSgd implements Optimizer {
                public String name() { return "signsgd"; }
                public String description() { return "steps by lr against the sign of the gradient"; }
                public List<ParamSpec> params() { return List.of(ParamSpec.ofDouble("lr", 0.01, "step size")); }
                public Op apply(Ops tf, List<Trained> vars, Params p, Slots slots) {
                    List<Op> updates = new ArrayList<>();
                    for (Trained t : vars) {
                        var step = tf.math.mul(tf.constant((float) p.getDouble("lr")), tf.math.sign(t.gradient()));
                        updates.add(tf.assignSub(t.variable(), step));
                    }
                    return tf.withControlDependencies(updates).noOp();
                }
            }
            """;

    private static final String USED_METRIC = """
            package com.example.used;

            import java.util.Arrays;
            import org.mvclust.api.Metric;

            public final class UsedClusters implements Metric {
                public String name() { return "used"; }
                public String description() { return "clusters used per true class"; }
                public double score(int[] truth, int[] labels) {
                    return Arrays.stream(labels).distinct().count() / (double) Arrays.stream(truth).distinct().count();
                }
            }
            """;

    private static final String CENTER = """
            package com.example.center;

            import java.util.Map;
            import org.mvclust.api.*;

            public final class Center implements Preprocessor {
                public String name() { return "center"; }
                public String description() { return "each feature to mean 0"; }
                public Map<String, Object> apply(Matrix view) {
                    float[] mean = new float[view.cols()];
                    for (int i = 0; i < view.rows(); i++) {
                        for (int j = 0; j < view.cols(); j++) {
                            mean[j] += view.get(i, j) / view.rows();
                        }
                    }
                    float[] x = view.data();
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= mean[i % view.cols()];
                    }
                    return Map.of("mean", mean);
                }
            }
            """;

    /** A head built on mvc-nn's dense layer: softmax of a learned projection, one column per cluster. */
    private static final String DENSE_HEAD = """
            package com.example.soft;

            import java.util.List;
            import java.util.Map;
            import org.mvclust.api.*;
            import org.mvclust.nn.Layers;
            import org.tensorflow.Operand;
            import org.tensorflow.types.TFloat32;

            public final class SoftHead implements Head {
                public static final String NAME = "soft_assign";
                public String name() { return NAME; }
                public String description() { return "Softmax of a dense projection to K columns"; }
                public List<Port> inputs() { return List.of(Port.one("x", "features")); }
                public List<String> outputs() { return List.of("p"); }
                public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
                    var logits = Layers.dense(ctx, "w", in.one("x"), ctx.clusters(), "glorot");
                    return Map.of("p", ctx.tf().nn.softmax(logits));
                }
            }
            """;

    @Test
    void pluginHeadBuiltOnTheNnKitIsListedAndUsedByAGraph(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(tmp, "com.example.soft", "com.example.soft.SoftHead", DENSE_HEAD, plugins.resolve("soft.jar"),
                "org.mvclust.api.Head", "org.mvclust.nn");
        assertThat(list(plugins, "head")).contains("soft_assign").contains("soft.jar");
        Files.copy(Path.of(TestGraphs.AE_KMEANS), tmp.resolve("base.yaml"));
        Path graph = Files.writeString(tmp.resolve("soft.yaml"), """
                extends: base.yaml
                name: ae-soft
                set:
                  nodes.assign: {kind: head, type: soft_assign, in: {x: h}, out: {p: p}}
                  readout: {type: argmax, in: p}
                  phases.pretrain.epochs: 1
                """);
        Path out = tmp.resolve("run");
        int rc = Main.execute("run", "--plugins", plugins.toString(), "--method", graph.toString(),
                "--dataset", "synthetic:samples=60,clusters=3", "--seed", "0", "--threads", "1", "--no-plots", "-q",
                "--out", out.toString());
        assertThat(rc).isZero();
        assertThat(Files.readString(out.resolve("graph.yaml"))).contains("soft_assign");
        assertThat(Files.readAllLines(out.resolve("labels.csv"))).hasSize(61);
    }

    @Test
    void pluginOptimizerMetricAndPreprocessingAreListedAndUsedByARunFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(tmp, "com.example.opt", "com.example.opt.SignSgd", SIGN_SGD, plugins.resolve("signsgd.jar"), "org.mvclust.api.Optimizer");
        jar(tmp, "com.example.used", "com.example.used.UsedClusters", USED_METRIC, plugins.resolve("used.jar"), "org.mvclust.api.Metric");
        assertThat(list(plugins, "optimizer")).contains("signsgd").contains("signsgd.jar").contains("adamw").contains("weight_decay");
        assertThat(list(plugins, "metric")).contains("used").contains("used.jar").contains("nmi");
        jar(tmp, "com.example.center", "com.example.center.Center", CENTER, plugins.resolve("center.jar"), "org.mvclust.api.Preprocessor");
        assertThat(list(plugins, "preprocessor")).contains("center").contains("zscore");
        int rc;

        Path out = tmp.resolve("run");
        rc = Main.execute("run", "--plugins", plugins.toString(), "--method", TestGraphs.AE_KMEANS,
                "--dataset", "synthetic:samples=60,clusters=3", "--seed", "0",
                "--set", "phases.pretrain.epochs=2", "--set", "phases.pretrain.optimizer.type=signsgd",
                "--set", "phases.pretrain.optimizer.lr=0.005", "--set", "dataset.preprocess=center", "--threads", "1", "--no-plots", "-q", "--out", out.toString());
        assertThat(rc).isZero();
        assertThat(Files.readString(out.resolve("graph.yaml"))).contains("signsgd");
        assertThat(Files.readString(out.resolve("preprocess.json"))).contains("\"method\" : \"center\"").contains("\"mean\"");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("final_loss").contains("\"used\" : 1.0");
        assertThat(Files.readAllLines(out.resolve("history.csv")).get(0)).endsWith("acc,nmi,ari,purity,fscore,used");
        assertThat(Main.execute("run", "--method", TestGraphs.AE_KMEANS, "--dataset", "synthetic:samples=60,clusters=3", "--no-plots", "-q",
                "--set", "phases.pretrain.optimizer.type=signsgd", "--out", tmp.resolve("without").toString())).isEqualTo(2);
    }

    @Test
    void jarInPluginDirectoryIsListedAndUsableByName(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(tmp, "com.example.abs", "com.example.abs.AbsLoss", ABS_LOSS.formatted("abs"), plugins.resolve("abs-loss.jar"));

        Registry registry = PluginLoader.load(List.of(plugins));
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.all(Kind.LOSS)).containsKeys("abs", "mse");
        assertThat(registry.origin(Kind.LOSS, "abs")).contains("abs-loss.jar");

        GraphSpec spec = new GraphLoader(registry).load(TestGraphs.AE_KMEANS,
                List.of("losses.recon.type=abs", "losses.recon.params.scale=2.0", "phases.pretrain.epochs=2", "latent=3"));
        MultiViewData data = TestData.blobs(60, 3, 5, 6, 4);
        try (Model model = new ModelBuilder(spec, registry, 3, 0).build(data.views())) {
            Trainer.Outcome out = new Trainer(model, spec, registry, data.samples(), 3,
                    new Trainer.Options(0, 1, null, 0, false, 0, new Progress(null, false)), "f", List.of(new Evaluation(data.labels()))).run();
            assertThat(out.labels()).hasSize(60);
            assertThat(out.finalLoss()).isFinite().isPositive();
        }
    }

    @Test
    void duplicateNameNamesBothJarsAndTheRestStillLoad(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(tmp, "com.example.abs", "com.example.abs.AbsLoss", ABS_LOSS.formatted("mse"), plugins.resolve("fake-mse.jar"));
        Registry registry = PluginLoader.load(List.of(plugins));
        assertThat(registry.problems()).singleElement().asString()
                .contains("two loss providers named 'mse'").contains("plugin-losses").contains("fake-mse.jar");
        assertThatThrownBy(() -> registry.get(Kind.LOSS, "mse", "test"))
                .hasMessageContaining("fake-mse.jar");
        assertThat(registry.all(Kind.ENCODER)).containsKey("mlp");
    }

    @Test
    void failingProviderIsNamedAndOthersLoad(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        String broken = ABS_LOSS.formatted("broken").replace("public String name() {",
                "public AbsLoss() { throw new IllegalStateException(\"no licence\"); }\n    public String name() {");
        jar(tmp, "com.example.abs", "com.example.abs.AbsLoss", broken, plugins.resolve("broken.jar"));
        Registry registry = PluginLoader.load(List.of(plugins));
        assertThat(String.join("\n", registry.problems())).contains("com.example.abs.AbsLoss").contains("no licence");
        assertThat(registry.all(Kind.LOSS)).containsKey("mse").doesNotContainKey("broken");
    }

    @Test
    void aGarbageJarDoesNotHideTheOthersAndAMissingNameSaysWhatFailed(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(tmp, "com.example.abs", "com.example.abs.AbsLoss", ABS_LOSS.formatted("abs"), plugins.resolve("abs-loss.jar"));
        Files.write(plugins.resolve("garbage.jar"), new byte[] {1, 2, 3, 4, 5});
        String broken = ABS_LOSS.formatted("boom").replace("public String name() {",
                "public AbsLoss() { throw new IllegalStateException(\"no licence\"); }\n    public String name() {")
                .replace("package com.example.abs;", "package com.example.boom;");
        jar(tmp, "com.example.boom", "com.example.boom.AbsLoss", broken, plugins.resolve("boom.jar"));
        Registry registry = PluginLoader.load(List.of(plugins));
        assertThat(registry.all(Kind.LOSS)).as(String.join("\n", registry.problems())).containsKeys("abs", "mse")
                .doesNotContainKey("boom");
        assertThat(String.join("\n", registry.problems())).contains("garbage.jar").contains("no licence");
        assertThatThrownBy(() -> registry.get(Kind.LOSS, "boom", "losses.recon.type")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown loss 'boom'").hasMessageContaining("failed to load").hasMessageContaining("no licence");
    }

    @Test
    void missingPluginDirectoryIsAClearError(@TempDir Path tmp) {
        assertThatThrownBy(() -> PluginLoader.load(List.of(tmp.resolve("nope"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    /** What {@code mvclust list --kind KIND} prints with the plugins of {@code dir}. */
    private static String list(Path dir, String kind) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
            assertThat(Main.execute("list", "--kind", kind, "--plugins", dir.toString())).isZero();
        } finally {
            System.setOut(stdout);
        }
        return listed.toString(StandardCharsets.UTF_8);
    }

    /** Compiles one class into a module jar that provides {@link Loss}. */
    private static void jar(Path tmp, String module, String cls, String source, Path jar) throws IOException {
        jar(tmp, module, cls, source, jar, Loss.class.getName());
    }

    /** Compiles one class into a module jar that provides {@code service} and requires mvc-api (and {@code also}). */
    private static void jar(Path tmp, String module, String cls, String source, Path jar, String service, String... also)
            throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + jar.getFileName()));
        Path out = Files.createDirectories(tmp.resolve("out-" + jar.getFileName()));
        Path file = src.resolve(cls.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path info = src.resolve("module-info.java");
        StringBuilder requires = new StringBuilder("requires org.mvclust.api; ");
        for (String m : also) {
            requires.append("requires ").append(m).append("; ");
        }
        Files.writeString(info, "module " + module + " { " + requires + "provides " + service + " with " + cls + "; }");
        String modulePath = String.join(java.io.File.pathSeparator, ModuleLayer.boot().configuration().modules().stream()
                .flatMap(m -> m.reference().location().stream())
                .filter(u -> u.getScheme().equals("file")).map(u -> Path.of(u).toString()).toList());
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, System.err, "-d", out.toString(),
                "--module-path", modulePath, info.toString(), file.toString());
        assertThat(rc).as("javac exit code").isZero();
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(classes::add);
        }
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os)) {
            for (Path c : classes) {
                j.putNextEntry(new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(c));
                j.closeEntry();
            }
        }
    }


}
