package dev.pitwall.app;

import dev.pitwall.kube.KubeClients;
import dev.pitwall.kube.KubeRollbackCluster;
import dev.pitwall.kube.KubeWorkerEvents;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.report.ImpactCounter;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.timeline.AlertTimeline;
import dev.pitwall.ops.timeline.AuditTimeline;
import dev.pitwall.ops.timeline.FailureSpikes;
import dev.pitwall.ops.timeline.KubeEventTimeline;
import dev.pitwall.ops.timeline.RevisionTimeline;
import dev.pitwall.ops.timeline.TimelineSource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Composes the incident timeline's sources for a profile: the audit log always; the workloads' Events and revision
 * history with Kubernetes; failure spikes and the impact counts with the platform. What the profile lacks becomes a
 * note. The console adds its own session's alerts and queue trends.
 */
final class IncidentSources {

    static final String NO_PLATFORM = "the profile has no platform API: failed runs are not counted (give "
            + "--platform-url and --platform-key-env)";

    private IncidentSources() {
    }

    /**
     * @param workloads the worker workloads, read when the timeline is read (the console's live fleet)
     * @param extra     sources only a running console has (its alert history, its queue trends)
     */
    static ReportSources open(ConnectionProfile profile, Backends backends, Supplier<List<WorkloadRef>> workloads,
                              List<TimelineSource> extra) {
        List<TimelineSource> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        var audit = backends.auditLog();
        sources.add(new AuditTimeline(audit));
        sources.addAll(extra);
        if (profile.hasKubernetes()) {
            KubernetesClient client = KubeClients.open(profile);
            resources.add(client);
            sources.add(new KubeEventTimeline(new KubeWorkerEvents(client, workloads)));
            sources.add(new RevisionTimeline(new KubeRollbackCluster(client), workloads));
        } else {
            notes.add("the profile has no Kubernetes: no Events and no revision changes");
        }
        ImpactCounter impact = null;
        if (profile.hasPlatform()) {
            var runs = backends.platformRuns(profile);
            sources.add(new FailureSpikes(runs));
            impact = new ImpactCounter(runs, backends.replayFiles());
        } else {
            notes.add(NO_PLATFORM);
        }
        return new ReportSources(sources, impact, NO_PLATFORM, audit, notes, () -> {
            for (AutoCloseable r : resources) {
                r.close();
            }
        });
    }

    /** For the command line: the worker workloads found by one sync of the fleet watch. */
    static ReportSources headless(ConnectionProfile profile, Backends backends, Clock clock) {
        List<WorkloadRef> workloads = profile.hasKubernetes() ? syncWorkloads(profile, backends, clock) : List.of();
        ReportSources sources = open(profile, backends, () -> workloads,
                List.of(new AlertTimeline(backends.alertHistory(profile)::read)));
        List<String> notes = new ArrayList<>(sources.notes());
        notes.add("queue spikes are only kept by a running console: open the Incident screen for them");
        return new ReportSources(sources.sources(), sources.impact(), sources.impactMissing(), sources.audit(), notes,
                sources.resources());
    }

    /** The worker workloads in a fleet snapshot, as rollback's references. */
    static List<WorkloadRef> workloads(FleetSnapshot snapshot) {
        List<WorkloadRef> out = new ArrayList<>();
        for (NamespaceSummary ns : snapshot.namespaces()) {
            for (NamespaceSummary.WorkloadReadiness w : ns.workloads()) {
                out.add(new WorkloadRef(w.kind().equals("StatefulSet") ? WorkloadRef.Kind.STATEFULSET
                        : WorkloadRef.Kind.DEPLOYMENT, ns.name(), w.name()));
            }
        }
        return out;
    }

    private static List<WorkloadRef> syncWorkloads(ConnectionProfile profile, Backends backends, Clock clock) {
        try (PooledExecutor executor = new PooledExecutor(2);
             FleetEngine engine = new FleetEngine(backends.fleetSources(profile), executor, clock,
                     new AlertCenter(clock, 100), new BackendHealthMonitor(profile, List.of(), clock),
                     FleetEngine.Settings.defaults().immediate())) {
            engine.startWatch().get(30, TimeUnit.SECONDS);
            return workloads(engine.snapshotNow().get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the worker workloads", e);
        } catch (Exception e) {
            throw new IllegalStateException("the worker workloads could not be read from the cluster: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }
}
