package dev.pitwall.ui.fleet;

import dev.pitwall.ui.common.ViewLoader;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.time.ZoneId;

/** The Fleet screen: the workers and the namespaces of the same fleet, as two tabs over one engine. */
public final class FleetScreen {

    private FleetScreen() {
    }

    public static Node create(FleetViewModel model, ZoneId zone) {
        Tab workers = new Tab("Workers", ViewLoader.load("fleet", new FleetView(model)));
        workers.setId("tab-workers");
        Tab namespaces = new Tab("Namespaces", ViewLoader.load("namespaces",
                new NamespacesView(model.namespaces(), zone)));
        namespaces.setId("tab-namespaces");
        TabPane tabs = new TabPane(workers, namespaces);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("fleet-screen");
        return tabs;
    }
}
