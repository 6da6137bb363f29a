package dev.pitwall.ui.trust;

import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.SmokeResult;
import dev.pitwall.ops.trust.SmokeTester;
import javafx.concurrent.Task;

import java.time.Duration;

/** A group's smoke test as an Operations-panel task: its message follows the run; it fails when the test fails. */
final class SmokeTask extends Task<SmokeResult> {

    private final SmokeTester tester;
    private final GroupTrust group;
    private final Duration timeout;

    SmokeTask(SmokeTester tester, GroupTrust group, Duration timeout) {
        this.tester = tester;
        this.group = group;
        this.timeout = timeout;
        updateTitle("Smoke test of " + group.title());
    }

    @Override
    protected SmokeResult call() throws Exception {
        SmokeResult result = tester.run(group, timeout, this::updateMessage);
        updateMessage(result.text());
        if (!result.passed()) {
            throw new IllegalStateException(result.text());
        }
        return result;
    }
}
