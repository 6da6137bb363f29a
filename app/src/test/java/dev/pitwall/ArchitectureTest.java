package dev.pitwall;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.pitwall.ops.guard.WritePort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of ARCHITECTURE.md, checked on the real classes, and proven able to fail on a fixture package
 * (dev.pitwall.archfixture, test classes only) that breaks the rules on purpose.
 */
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {"javafx..", "io.fabric8..", "redis.clients..",
            "com.fasterxml.jackson..", "java.net.http.."};

    /**
     * A call of a write port's {@code write}, through any type that is one (a feature's port, an adapter). The bridge
     * method the compiler adds to an adapter of a generic port calls its own {@code write}: that is no caller.
     */
    private static final DescribedPredicate<JavaMethodCall> WRITE_PORT_CALL = DescribedPredicate.describe(
            "WritePort.write", call -> call.getName().equals("write")
                    && call.getTargetOwner().isAssignableTo(WritePort.class)
                    && !call.getOrigin().getModifiers().contains(JavaModifier.BRIDGE));

    private static JavaClasses production;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pitwall");
        fixture = new ClassFileImporter().importPackages("dev.pitwall.archfixture");
    }

    /** The rules, relative to a root package, so that the same rules can be run on the fixture. */
    static List<ArchRule> rules(String root) {
        String[] adapters = {root + ".kube..", root + ".redis..", root + ".platform..", root + ".files.."};
        return List.of(
                noClasses().that().resideInAnyPackage(root + ".model..", root + ".ops..")
                        .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                        .as("model and ops use no JavaFX, fabric8, Jedis, Jackson or java.net.http"),
                noClasses().that().resideInAnyPackage(root + ".model..", root + ".ops..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".kube..", root + ".redis..",
                                root + ".platform..", root + ".ui..", root + ".cli..", root + ".app..",
                                root + ".demo..")
                        .as("model and ops depend on nothing outside model and ops"),
                noClasses().that().resideOutsideOfPackages(root + ".ui..", root + ".app..")
                        .and().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAPackage("javafx..")
                        .as("only ui and app import JavaFX"),
                noClasses().that().resideInAPackage(root + ".kube..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".redis..", root + ".platform..",
                                root + ".files..", root + ".ui..", root + ".cli..", root + ".app..")
                        .as("the Kubernetes adapter does not import other adapters, ui, cli or app"),
                noClasses().that().resideInAPackage(root + ".redis..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".kube..", root + ".platform..",
                                root + ".ui..", root + ".cli..", root + ".app..")
                        .as("the Redis adapter does not import other adapters, ui, cli or app"),
                noClasses().that().resideInAPackage(root + ".platform..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".kube..", root + ".redis..",
                                root + ".ui..", root + ".cli..", root + ".app..")
                        .as("the platform adapter does not import other adapters, ui, cli or app"),
                noClasses().that().resideInAPackage(root + ".files..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".kube..", root + ".redis..",
                                root + ".platform..", root + ".ui..", root + ".cli..", root + ".app..")
                        .as("the files adapter does not import other adapters, ui, cli or app"),
                noClasses().that().resideInAnyPackage(root + ".ui..", root + ".cli..")
                        .should().dependOnClassesThat().resideInAnyPackage(adapters)
                        .as("ui and cli reach back-ends only through ops ports"),
                noClasses().that().resideInAnyPackage(root + ".ui..", root + ".cli..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "redis.clients..",
                                "java.net.http..", root + ".demo..", root + ".app..")
                        .as("ui and cli use no client library directly, nor the demo or app"),
                noClasses().that().resideOutsideOfPackages(root + ".app..", root + ".demo..")
                        .and().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".demo..")
                        .as("only app (and tests) import the demo environment"),
                noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".ops.guard..")
                        .should().callMethodWhere(WRITE_PORT_CALL)
                        .as("only the write guard calls a write port: every write passes the guard"),
                noFields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel")
                        .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                        .should().haveRawType(javafx.scene.Node.class)
                        .as("a ViewModel never holds a Node"));
    }

    @Test
    void productionCodeKeepsTheLayers() {
        for (ArchRule rule : rules("dev.pitwall")) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(production);
            assertThat(result.hasViolation())
                    .as(rule.getDescription() + "\n" + String.join("\n", result.getFailureReport().getDetails()))
                    .isFalse();
        }
    }

    @Test
    void theRulesCatchAFixtureThatBreaksThem() {
        List<ArchRule> rules = rules("dev.pitwall.archfixture");
        assertThat(rules.get(0).evaluate(fixture).hasViolation())
                .as("an ops class importing javafx is caught").isTrue();
        assertThat(rules.get(2).evaluate(fixture).hasViolation())
                .as("a class outside ui importing javafx is caught").isTrue();
        assertThat(rules.get(4).evaluate(fixture).hasViolation())
                .as("the Redis adapter importing the Kubernetes adapter is caught").isTrue();
        EvaluationResult bypass = rules.get(rules.size() - 2).evaluate(fixture);
        assertThat(bypass.hasViolation()).as("a class writing through a write port without the guard is caught")
                .isTrue();
        assertThat(String.join("\n", bypass.getFailureReport().getDetails()))
                .contains("EngineWritingDirectly").doesNotContain("FixtureAdapter");
    }
}
