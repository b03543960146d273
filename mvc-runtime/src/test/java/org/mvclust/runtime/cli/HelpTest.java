package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"run", "bench", "report", "list", "describe", "datasets"})
    void everySubcommandPrintsItsUsageForHelp(String sub) {
        for (String flag : new String[] {"-h", "--help"}) {
            PrintStream old = System.out;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int rc;
            try {
                rc = Main.execute(sub, flag);
            } finally {
                System.setOut(old);
            }
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(sub + " " + flag).isZero();
            assertThat(out).startsWith("Usage: mvclust " + sub).contains("-h, --help");
        }
    }
}
