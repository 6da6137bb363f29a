package dev.pitwall.ui.shell;

import javafx.css.CssParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JavaFX only logs a warning for a stylesheet it cannot parse and drops every rule after the error, so a missing
 * brace silently unstyles half the console. Every theme's files must parse cleanly.
 */
class StylesheetsTest {

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyStylesheetOfTheThemeParsesWithoutErrors(Theme theme) throws IOException {
        for (String sheet : theme.stylesheets()) {
            CssParser.errorsProperty().clear();
            var parsed = new CssParser().parse(new URL(sheet));
            List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
            assertThat(errors).as(sheet).isEmpty();
            assertThat(parsed.getRules()).as(sheet).isNotEmpty();
        }
    }
}
