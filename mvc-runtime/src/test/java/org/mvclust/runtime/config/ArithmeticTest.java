package org.mvclust.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvclust.api.ParamSpec;

class ArithmeticTest {
    static final Map<String, Object> VARS = Map.of("views", 6, "latent", 10, "rate", 0.5);

    private static Object resolve(ParamSpec spec, String text) {
        return ParamResolver.resolve("test", List.of(spec), Map.of(spec.name(), text), VARS).asMap().get(spec.name());
    }

    @Test
    void productsSumsAndParentheses() {
        ParamSpec width = ParamSpec.ofInt("width", null, "columns");
        assertThat(resolve(width, "${views * latent}")).isEqualTo(60);
        assertThat(resolve(width, "${(views + 2) * latent / 4 - 1}")).isEqualTo(19);
        assertThat(resolve(width, "${-views + 8}")).isEqualTo(2);
        assertThat(resolve(ParamSpec.ofDouble("lr", null, "rate"), "${rate / 4}")).isEqualTo(0.125);
    }

    @Test
    void aFractionIsNotAnInteger() {
        assertThatThrownBy(() -> resolve(ParamSpec.ofInt("width", null, "columns"), "${latent / 4}"))
                .hasMessageContaining("expected int");
    }

    @Test
    void checkedBeforeBuilding() {
        List<ParamSpec> specs = List.of(ParamSpec.ofInt("width", null, "columns"));
        ParamResolver.check("test", specs, Map.of("width", "${views * latent}"), Set.of("views", "latent"));
        assertThatThrownBy(() -> ParamResolver.check("test", specs, Map.of("width", "${views * depth}"), Set.of("views", "latent")))
                .hasMessageContaining("depth");
        assertThatThrownBy(() -> ParamResolver.check("test", specs, Map.of("width", "${views * (latent}"), Set.of("views", "latent")))
                .hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> ParamResolver.check("test", specs, Map.of("width", "${views latent}"), Set.of("views", "latent")))
                .hasMessageContaining("unexpected 'l'");
    }

    @Test
    void minAndMax() {
        ParamSpec width = ParamSpec.ofInt("width", null, "columns");
        assertThat(resolve(width, "${min(latent * 100, max(100, 10 * views))}")).isEqualTo(100);
        assertThat(resolve(width, "${min(250, max(100, 50 * views))}")).isEqualTo(250);
        assertThat(resolve(width, "${max(3, latent, views)}")).isEqualTo(10);
        assertThat(resolve(width, "${min(views)}")).isEqualTo(6);
        assertThatThrownBy(() -> resolve(width, "${mean(views, latent)}")).hasMessageContaining("unknown function 'mean'");
        assertThatThrownBy(() -> resolve(width, "${min(views, latent}")).hasMessageContaining("missing ')'");
    }
}
