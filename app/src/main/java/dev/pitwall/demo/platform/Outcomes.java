package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullQueue;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimWorker;

import java.util.List;
import java.util.Random;

/**
 * Decides how an execution ends, by the rules of the demo world: a worker whose image fails runs fails about 30% of
 * them at a seeded step; a code step that imports an npm package fails where the execution mode strips
 * dependencies; a worker that stops or whose disk is full ends its runs with an internal error at the step they were
 * on. Draws the same random numbers whatever the worker, so that one change in the world does not reshuffle the rest.
 */
final class Outcomes {

    static final double BAD_RUNS_SHARE = 0.30;
    static final String CODE_ONLY_MODE = "SANDBOX_CODE_ONLY";

    private static final List<String> STEP_ERRORS = List.of(
            "Request failed with status code 502",
            "TypeError: Cannot read properties of undefined (reading 'id')",
            "Timeout of 30000ms exceeded",
            "SyntaxError: Unexpected token < in JSON at position 0",
            "Error: connect ECONNRESET 10.42.3.17:443");

    private final Random random;

    Outcomes(Random random) {
        this.random = random;
    }

    Execution start(FlowRun run, SimWorker worker, BullQueue queue, long now) {
        int from = Math.min(run.resumeStep, run.flow.steps().size() - 1);
        long stepMillis = 500 + random.nextInt(2_500);
        double badRunsDraw = random.nextDouble();
        int badStep = from + random.nextInt(run.flow.steps().size() - from);
        String badMessage = stepError(random.nextInt(STEP_ERRORS.size()));

        int failAt = -1;
        String message = null;
        if (worker.behaviour() == ImageBehaviour.FAILS_RUNS && badRunsDraw < BAD_RUNS_SHARE) {
            failAt = badStep;
            message = badMessage;
        }
        int npmStep = CODE_ONLY_MODE.equals(worker.executionMode()) ? run.flow.firstNpmStep(from) : -1;
        if (npmStep >= 0 && (failAt < 0 || npmStep < failAt)) {
            failAt = npmStep;
            message = cannotFindModule(run, npmStep);
        }
        return new Execution(run, worker.workerId(), queue, now, from, stepMillis, failAt, message);
    }

    static boolean diskFull(SimWorker worker) {
        return worker.diskTotalBytes() > 0 && worker.diskUsedBytes() >= worker.diskTotalBytes();
    }

    /** Why a run died with its worker: the full cache volume, or the worker going away. */
    static String internalError(Execution execution, SimWorker worker, int step) {
        String stepName = execution.run.flow.steps().get(step).name();
        if (worker != null && diskFull(worker)) {
            return noSpaceLeft(execution.run.flowVersionId, stepName);
        }
        return "Worker " + execution.workerId + " stopped while the run was executing " + stepName
                + ": engine process exited (SIGTERM)";
    }

    /** The error of a step that writes its output to a full cache volume. */
    static String noSpaceLeft(String flowVersionId, String stepName) {
        return "ENOSPC: no space left on device, write '" + DemoFleet.CACHE_MOUNT + "/flows/" + flowVersionId + "/"
                + stepName + "/output.json'";
    }

    /** One of the ordinary step errors of a flaky worker image, picked by {@code draw}. */
    static String stepError(int draw) {
        return STEP_ERRORS.get(Math.floorMod(draw, STEP_ERRORS.size()));
    }

    private static String cannotFindModule(FlowRun run, int step) {
        FlowStep code = run.flow.steps().get(step);
        return "Error: Cannot find module '" + code.npmPackage() + "'\nRequire stack:\n- " + DemoFleet.CACHE_MOUNT
                + "/codes/" + run.flowVersionId + "/" + code.name() + "/index.js";
    }
}
