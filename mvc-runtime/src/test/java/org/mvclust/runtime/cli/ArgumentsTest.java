package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgumentsTest {
    @Test
    void anArgumentTheLocaleCouldNotDecodeIsNamedWithTheFix() {
        String msg = Arguments.undecodable("ANSI_X3.4-1968", "run", "--out", "/tmp/\uFFFD\uFFFDt\uFFFD");
        assertThat(msg).contains("'/tmp/??t?'").contains("ANSI_X3.4-1968").contains("LC_ALL=C.UTF-8");
        assertThat(Arguments.undecodable("ANSI_X3.4-1968", "run", "--out", "/tmp/plain")).isNull();
        assertThat(Arguments.undecodable("UTF-8", "/tmp/\uFFFD")).isNull(); // a real U+FFFD in a UTF-8 name is a name
    }
}
