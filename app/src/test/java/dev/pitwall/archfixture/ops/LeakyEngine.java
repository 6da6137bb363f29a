package dev.pitwall.archfixture.ops;

import javafx.beans.property.SimpleStringProperty;

/** Breaks the rules on purpose: an engine that imports JavaFX. Only ArchitectureTest looks at it. */
public class LeakyEngine {

    public SimpleStringProperty state() {
        return new SimpleStringProperty("leaks");
    }
}
