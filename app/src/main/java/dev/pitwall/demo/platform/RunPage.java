package dev.pitwall.demo.platform;

import java.util.List;

/** One page of runs, newest first, with the cursors to the older ({@code next}) and newer ({@code previous}) pages. */
record RunPage(List<FlowRunSnapshot> data, String next, String previous) {
}
