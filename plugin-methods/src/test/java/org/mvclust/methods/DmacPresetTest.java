package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/** The dmac preset's trade-offs. */
class DmacPresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    @Test
    void dmacTradeOffsAreGraphVariables() {
        GraphSpec dmac = new GraphLoader(REGISTRY).load("dmac", List.of("alpha=0.5"));
        assertThat(dmac.losses().get("cm").weight()).isEqualTo(-0.5);
        assertThat(dmac.losses().get("sp").weight()).isEqualTo(10.0);
    }
}
