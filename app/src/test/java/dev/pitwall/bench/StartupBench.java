package dev.pitwall.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Console start to first rendered frame with the embedded demo environment: java -jar, median of 5. */
@Tag("bench")
class StartupBench {

    private static final Pattern FIRST_FRAME = Pattern.compile("first frame after (\\d+) ms");

    @Test
    void startToFirstFrame() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String out = BenchRunner.runJar(120, "--demo", "--exit-after-first-frame");
            Matcher m = FIRST_FRAME.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            millis.add(Long.parseLong(m.group(1)));
        }
        BenchRunner.print("console start to first frame (java -jar --demo, median of 5)",
                BenchRunner.median(millis) + " ms " + millis);
    }
}
