package dev.pitwall.app;

import dev.pitwall.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** --screenshot in a separate JVM: no display, Monocle, a PNG of the requested size, exit 0. */
class ScreenshotModeTest {

    @TempDir
    Path tmp;

    @Test
    void rendersTheRequestedViewThemeAndSizeToAPng() throws Exception {
        Path png = tmp.resolve("queues-dark.png");
        JavaProcess.Result r = JavaProcess.run(Map.of("PITWALL_CONFIG_DIR", tmp.resolve("cfg").toString()), 120,
                "--screenshot", png.toString(), "--view", "queues", "--theme", "dark", "--size", "1024x700");
        assertThat(r.exitCode()).as(r.output()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(700);
        // dark theme: the content area's background is dark, and the picture is not one flat colour
        int rgb = image.getRGB(600, 350);
        int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        assertThat(brightness).isLessThan(200);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(10);
    }

    @Test
    void aMalformedProfileStillOpensTheConsole() throws Exception {
        Path cfg = tmp.resolve("cfg2");
        Files.createDirectories(cfg.resolve("profiles"));
        Files.writeString(cfg.resolve("profiles/broken.json"), "{ not json");
        Path png = tmp.resolve("broken.png");
        JavaProcess.Result r = JavaProcess.run(Map.of("PITWALL_CONFIG_DIR", cfg.toString()), 120,
                "--profile", "broken", "--screenshot", png.toString(), "--size", "800x600");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void aBadSizeIsAUsageError() throws Exception {
        JavaProcess.Result r = JavaProcess.run(Map.of(), 60, "--screenshot", tmp.resolve("x.png").toString(),
                "--size", "huge");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("--size needs WIDTHxHEIGHT");
    }
}
