package dev.pitwall.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** What a laid-out scene graph draws: its nodes, which of them show, and the labels it cuts off. Call on FX. */
public final class DrawnText {

    private DrawnText() {
    }

    /** The root and every node below it. */
    public static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        for (Node child : root.getChildrenUnmodifiable()) {
            if (child instanceof Parent p) {
                out.addAll(all(p));
            } else {
                out.add(child);
            }
        }
        return out;
    }

    /** Shown: neither it nor any parent is hidden. */
    public static boolean visible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The texts of the shown labels that are drawn shortened: the skin draws a label's text in a Text node, with an
     * ellipsis when it does not fit (a wrapped text counts as whole).
     */
    public static List<String> clipped(Parent root) {
        return all(root).stream().filter(n -> n instanceof Labeled l && visible(l)
                        && l.getText() != null && !l.getText().isBlank())
                .map(n -> (Labeled) n)
                .filter(l -> l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text)
                        .map(c -> ((Text) c).getText()).noneMatch(shown -> shown.equals(l.getText())
                                || shown.replace("\n", " ").replace(" ", "").equals(l.getText().replace(" ", ""))))
                .map(Labeled::getText).toList();
    }
}
