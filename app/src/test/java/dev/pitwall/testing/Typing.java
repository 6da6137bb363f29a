package dev.pitwall.testing;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobotInterface;

/**
 * Types text into the focused control the way TestFX's {@code write} does (a key press, the typed character and the
 * release, delivered to the focus owner of the target window), but all characters in one turn of the FX thread:
 * TestFX waits for the FX thread and sleeps 25 ms after every character, some 80 ms a character.
 */
public final class Typing {

    private Typing() {
    }

    /** Types {@code text} into the focused control of the robot's target window; returns the robot to chain on. */
    public static FxRobotInterface write(FxRobotInterface robot, String text) {
        robot.interact(() -> {
            Scene scene = robot.targetWindow().getScene();
            for (char c : text.toCharArray()) {
                String typed = String.valueOf(c);
                KeyCode code = keyCode(c);
                fire(scene, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
                fire(scene, new KeyEvent(KeyEvent.KEY_TYPED, typed, "", KeyCode.UNDEFINED, false, false, false,
                        false));
                fire(scene, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
            }
        });
        return robot;
    }

    private static void fire(Scene scene, KeyEvent event) {
        Node owner = scene.getFocusOwner();
        Event.fireEvent(owner != null ? owner : scene.getRoot(), event);
    }

    private static KeyCode keyCode(char c) {
        KeyCode code = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
        return code != null ? code : KeyCode.UNDEFINED;
    }
}
