package dev.pitwall.app.settings;

import dev.pitwall.ops.guard.ProductionContexts;

import java.util.List;

/**
 * What the console remembers between starts.
 *
 * @param productionContexts kube context name patterns that mean production (a settings file without them: the
 *                           default {@code prod*})
 */
public record Settings(String lastProfile, String theme, List<String> productionContexts) {

    public Settings {
        productionContexts = productionContexts == null ? ProductionContexts.DEFAULT : List.copyOf(productionContexts);
    }

    public static Settings defaults() {
        return new Settings(null, "light", ProductionContexts.DEFAULT);
    }

    public Settings withTheme(String value) {
        return new Settings(lastProfile, value, productionContexts);
    }

    public Settings withLastProfile(String value) {
        return new Settings(value, theme, productionContexts);
    }

    public Settings withProductionContexts(List<String> patterns) {
        return new Settings(lastProfile, theme, patterns);
    }
}
