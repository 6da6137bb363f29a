package dev.pitwall.ui.operations;

/** An operation that can be paused between steps and resumed (a replay pauses between batches). */
public interface Pausable {

    void pause();

    void resume();

    boolean isPaused();
}
