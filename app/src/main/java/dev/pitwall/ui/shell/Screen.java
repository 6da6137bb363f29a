package dev.pitwall.ui.shell;

import java.util.Arrays;
import java.util.Optional;

/** The screens of the console, in navigation order; Ctrl+1..7 selects them. */
public enum Screen {
    FLEET("Fleet", "fleet", "Workers, namespaces, volumes and their forecast"),
    TRUST("Trust", "trust", "Expected, declared and effective execution modes"),
    QUEUES("Queues", "queues", "BullMQ queue depth and trends"),
    FAILED_RUNS("Failed runs", "failed-runs", "Failed flow runs, grouped by failed step and error"),
    REPLAYS("Replays", "replays", "Bulk replay of failed runs from their failed step"),
    ROLLOUTS("Rollouts", "rollouts", "Rollback and canary wizards"),
    WAR_ROOM("War room", "war-room", "The incident board for a shared screen"),
    INCIDENT("Incident", "incident", "The incident timeline, its start and end, and the report");

    private final String title;
    private final String id;
    private final String description;

    Screen(String title, String id, String description) {
        this.title = title;
        this.id = id;
        this.description = description;
    }

    public String title() {
        return title;
    }

    /** The name used on the command line (--view) and for the FXML file. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** 1-based position, the digit of its shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    public static Optional<Screen> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id))
                .findFirst();
    }
}
