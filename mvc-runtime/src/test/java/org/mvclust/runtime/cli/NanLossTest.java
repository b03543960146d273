package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first loss of the history that went NaN or infinite is named with its epoch and phase; metrics do not count. */
class NanLossTest {
    private static Map<String, Object> row(String phase, int epoch, Object... kv) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase", phase);
        r.put("epoch", epoch);
        r.put("seconds", 0.1);
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1]);
        }
        return r;
    }

    @Test
    void namesTheFirstNaNLoss() {
        List<Map<String, Object>> history = List.of(
                row("pretrain", 1, "loss", 1.0, "recon", 1.0),
                row("train", 1, "loss", 2.0, "ddc1", 0.5, "acc", Double.NaN),
                row("train", 2, "loss", Double.NaN, "ddc1", Double.POSITIVE_INFINITY),
                row("train", 3, "loss", Double.NaN, "ddc1", Double.NaN));
        assertThat(Experiment.nanLoss(history, org.mvclust.runtime.eval.Metrics.NAMES)).isEqualTo("loss, epoch 2 of phase train");
        assertThat(Experiment.nanLoss(history.subList(0, 2), org.mvclust.runtime.eval.Metrics.NAMES)).isNull();
        assertThat(Experiment.nanLoss(List.of(), org.mvclust.runtime.eval.Metrics.NAMES)).isNull();
    }
}
