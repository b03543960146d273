package org.mvclust.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorRefTest {
    @Test
    void parsesTheThreeForms() {
        TensorRef z = TensorRef.parse("z");
        assertThat(z.all()).isFalse();
        assertThat(z.oneView()).isFalse();
        assertThat(z.key()).isEqualTo("z");
        assertThat(z.key(2)).isEqualTo("z.2");

        TensorRef all = TensorRef.parse("enc_z[*]");
        assertThat(all.all()).isTrue();
        assertThat(all.base()).isEqualTo("enc_z");
        assertThat(all.key(0)).isEqualTo("enc_z.0");

        TensorRef one = TensorRef.parse("z[1]");
        assertThat(one.oneView()).isTrue();
        assertThat(one.key()).isEqualTo("z.1");
    }

    @Test
    void writesBackAsGiven() {
        for (String t : new String[] {"z", "z[*]", "z[12]", "a.b"}) {
            assertThat(TensorRef.parse(t)).hasToString(t);
        }
        assertThat(TensorRef.parse("z[x]").base()).isEqualTo("z[x]");
    }
}
