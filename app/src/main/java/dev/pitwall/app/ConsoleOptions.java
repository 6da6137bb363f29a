package dev.pitwall.app;

import dev.pitwall.cli.ParsedArgs;
import dev.pitwall.cli.UsageException;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.shell.Theme;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The console's own options: first screen, theme, size, screenshot and first-frame modes. */
record ConsoleOptions(Screen view, Theme theme, WindowSize size, Path screenshot, boolean exitAfterFirstFrame,
                      boolean warRoom, java.time.Duration rotate) {

    static ConsoleOptions from(ParsedArgs o) {
        Screen view = o.value(GlobalOptions.VIEW.name()).map(v -> Screen.byId(v).orElseThrow(() -> new UsageException(
                "--view must be one of " + Arrays.stream(Screen.values()).map(Screen::id)
                        .collect(Collectors.joining(", ")) + "; got: " + v))).orElse(null);
        Theme theme = o.value(GlobalOptions.THEME.name()).map(t -> Theme.byId(t).orElseThrow(() -> new UsageException(
                "--theme must be light, dark or war-room; got: " + t))).orElse(null);
        WindowSize size = o.value(GlobalOptions.SIZE.name()).map(WindowSize::parse).orElse(WindowSize.DEFAULT);
        Path screenshot = o.value(GlobalOptions.SCREENSHOT.name()).map(Path::of).orElse(null);
        boolean warRoom = o.has(GlobalOptions.WAR_ROOM.name());
        if (warRoom && theme == null) {
            theme = Theme.WAR_ROOM;
        }
        return new ConsoleOptions(warRoom ? Screen.WAR_ROOM : view, theme, size, screenshot,
                o.has(GlobalOptions.FIRST_FRAME.name()), warRoom, o.value(GlobalOptions.ROTATE.name())
                .map(v -> dev.pitwall.cli.DurationText.parse(GlobalOptions.ROTATE.name(), v))
                .filter(d -> !d.isZero()).orElse(null));
    }

    /**
     * Offscreen rendering through Monocle: for screenshots always, and for the first-frame measurement when there is
     * no display to open a window on (CI, benchmarks on a server).
     */
    boolean headless() {
        return screenshot != null || (exitAfterFirstFrame && noDisplay());
    }

    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase();
        boolean x11 = !os.contains("win") && !os.contains("mac");
        return x11 && (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())
                && (System.getenv("WAYLAND_DISPLAY") == null || System.getenv("WAYLAND_DISPLAY").isBlank());
    }
}
