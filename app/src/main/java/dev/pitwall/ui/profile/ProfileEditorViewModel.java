package dev.pitwall.ui.profile;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.LabelSelector;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ui.common.Fx;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The profile editor's state. Validation runs in the background; saving requires a passing validation, or an explicit
 * "save anyway" after the failures have been shown.
 */
public final class ProfileEditorViewModel {

    /**
     * Saves a profile, and the kube context patterns that mean production (a setting of every profile); returns
     * null on success or the reason it failed.
     */
    @FunctionalInterface
    public interface Saver {
        String save(ConnectionProfile profile, List<String> productionContexts);
    }

    private final ProfileValidator validator;
    private final BackgroundExecutor executor;
    private final Function<ConnectionProfile, List<String>> contextLister;
    private final Predicate<String> validName;
    private final Saver saver;

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty kubeconfig = new SimpleStringProperty("");
    public final StringProperty kubeContext = new SimpleStringProperty("");
    public final StringProperty namespaceSelector = new SimpleStringProperty("");
    public final StringProperty workerSelector = new SimpleStringProperty("");
    public final StringProperty redisUrl = new SimpleStringProperty("");
    public final StringProperty redisPasswordEnv = new SimpleStringProperty("");
    public final StringProperty platformUrl = new SimpleStringProperty("");
    public final StringProperty platformKeyEnv = new SimpleStringProperty("");
    public final StringProperty trustPolicy = new SimpleStringProperty("");
    /** Namespaces to watch, comma-separated (for a service account that may not list namespaces). */
    public final StringProperty namespaces = new SimpleStringProperty("");
    /** BullMQ queues to show beyond the ones found by discovery, comma-separated. */
    public final StringProperty queueNames = new SimpleStringProperty("");
    public final BooleanProperty readOnly = new SimpleBooleanProperty();
    public final BooleanProperty production = new SimpleBooleanProperty();
    /** Kept as loaded (the form has no field for it): an edit must not drop the audit key variable. */
    private String auditKeyEnv;
    /**
     * Kube context name patterns that mean production whatever the profile says ("prod*, live-*"), for every
     * profile: a write through such a context asks for the typed confirmation.
     */
    public final StringProperty productionContexts = new SimpleStringProperty(
            new ProductionContexts(ProductionContexts.DEFAULT).text());

    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<ProbeResult> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsConfirmation = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public ProfileEditorViewModel(ProfileValidator validator, BackgroundExecutor executor,
                                  Function<ConnectionProfile, List<String>> contextLister,
                                  Predicate<String> validName, Saver saver) {
        this.validator = validator;
        this.executor = executor;
        this.contextLister = contextLister;
        this.validName = validName;
        this.saver = saver;
    }

    public void load(ConnectionProfile p) {
        name.set(p.name());
        kubeconfig.set(nz(p.kubeconfig()));
        kubeContext.set(nz(p.kubeContext()));
        namespaceSelector.set(nz(p.namespaceSelector()));
        workerSelector.set(nz(p.workerSelector()));
        redisUrl.set(nz(p.redisUrl()));
        redisPasswordEnv.set(nz(p.redisPasswordEnv()));
        platformUrl.set(nz(p.platformUrl()));
        platformKeyEnv.set(nz(p.platformKeyEnv()));
        trustPolicy.set(nz(p.trustPolicy()));
        namespaces.set(String.join(", ", p.namespaces()));
        queueNames.set(String.join(", ", p.queueNames()));
        readOnly.set(p.readOnly());
        production.set(p.production());
        auditKeyEnv = p.auditKeyEnv();
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public ObservableList<ProbeResult> results() {
        return results;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsConfirmationProperty() {
        return needsConfirmation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Problems found before any back-end is asked (name, selectors), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the contexts of the kubeconfig in the background. */
    public void loadContexts() {
        ConnectionProfile draft = draft();
        executor.supply(() -> contextLister.apply(draft)).whenComplete((list, error) -> Fx.run(() -> {
            if (error == null) {
                contexts.setAll(list);
            } else {
                contexts.clear();
                problem.set(rootMessage(error));
            }
        }));
    }

    public void validate() {
        check(false);
    }

    /** Validates, and saves when everything answers; otherwise shows why and asks for confirmation. */
    public void save() {
        check(true);
    }

    /** Saves despite failed checks, after the user has seen them. */
    public void saveAnyway() {
        String localProblem = localProblem();
        if (localProblem != null) {
            problem.set(localProblem);
            return;
        }
        store(draft());
    }

    private void check(boolean saveWhenOk) {
        String localProblem = localProblem();
        problem.set(localProblem == null ? "" : localProblem);
        needsConfirmation.set(false);
        if (localProblem != null) {
            return;
        }
        ConnectionProfile draft = draft();
        busy.set(true);
        executor.supply(() -> validator.validate(draft)).whenComplete((list, error) -> Fx.run(() -> {
            busy.set(false);
            List<ProbeResult> shown = error == null ? list
                    : List.of(ProbeResult.failed(dev.pitwall.model.BackendKind.KUBERNETES, rootMessage(error)));
            results.setAll(shown);
            if (!saveWhenOk) {
                return;
            }
            if (ProfileValidator.allOk(shown)) {
                store(draft);
            } else {
                needsConfirmation.set(true);
            }
        }));
    }

    private void store(ConnectionProfile profile) {
        String failure = saver.save(profile, ProductionContexts.parse(productionContexts.get()).patterns());
        if (failure == null) {
            saved.set(true);
            needsConfirmation.set(false);
        } else {
            problem.set(failure);
        }
    }

    private String localProblem() {
        List<String> problems = new ArrayList<>();
        if (!validName.test(name.get())) {
            problems.add("Name: use letters, digits, '.', '_' or '-'");
        }
        selectorProblem("Namespace selector", namespaceSelector.get(), problems);
        selectorProblem("Worker selector", workerSelector.get(), problems);
        List<String> badNamespaces = list(namespaces.get()).stream()
                .filter(n -> !n.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")).toList();
        if (!badNamespaces.isEmpty()) {
            problems.add("Namespaces: not a Kubernetes namespace name: " + String.join(", ", badNamespaces)
                    + " (lower-case letters, digits and '-', at most 63)");
        }
        if (redisUrl.get() != null && redisUrl.get().contains("@") && redisUrl.get().matches(".*://[^/@]*:[^@]+@.*")) {
            problems.add("Redis URL: do not put the password in the URL; name its environment variable instead");
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    private static void selectorProblem(String label, String value, List<String> problems) {
        if (value != null && !value.isBlank()) {
            try {
                LabelSelector.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + e.getMessage());
            }
        }
    }

    public ConnectionProfile draft() {
        return new ConnectionProfile(name.get().trim(), blankToNull(kubeconfig.get()), blankToNull(kubeContext.get()),
                blankToNull(namespaceSelector.get()), blankToNull(workerSelector.get()), list(namespaces.get()),
                blankToNull(redisUrl.get()), blankToNull(redisPasswordEnv.get()), blankToNull(platformUrl.get()),
                blankToNull(platformKeyEnv.get()), readOnly.get(), production.get(), blankToNull(trustPolicy.get()),
                list(queueNames.get()), auditKeyEnv);
    }

    /** "a, b,,c " -> [a, b, c]: commas or spaces separate, empty entries are dropped. */
    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s]+")).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
