package dev.pitwall.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reads what a UI test looks at on the FX thread, where the scene graph may be read. */
public final class OnFx {

    private OnFx() {
    }

    /** The answer of {@code read} run on the FX thread; its failure, or 30 s without an answer, fails the test. */
    public static <T> T read(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("on the FX thread: " + e.getMessage(), e);
        }
    }
}
