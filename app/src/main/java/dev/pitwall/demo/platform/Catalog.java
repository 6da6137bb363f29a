package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullQueue;
import dev.pitwall.demo.world.DemoFleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The platform's projects and flows, generated from the seed: shared-cloud projects on the shared queue and one
 * project per enterprise customer on its worker group's queue. Every project's first flow has a code step that
 * imports an npm package (lodash for the customers), so that a stripped execution mode shows. Each customer also has
 * a smoke flow (id {@link #smokeFlowIdOf}) for Pitwall's trust smoke test: run only when triggered, never by traffic.
 */
public final class Catalog {

    public static final String SHARED_PLATFORM = "platform-cloud";
    public static final List<String> SHARED_PROJECTS = List.of("proj-cloud-marketing", "proj-cloud-finance",
            "proj-cloud-support", "proj-cloud-growth");
    static final int FLOWS_PER_PROJECT = 4;

    private static final List<String> FLOW_NAMES = List.of("Sync Stripe invoices to Sheets",
            "New lead to HubSpot and Slack", "Nightly Postgres export", "Triage support email",
            "Enrich signups with Clearbit", "Weekly revenue digest", "Mirror Jira issues to Linear",
            "Resize uploaded images", "Sync Shopify orders", "Welcome email sequence", "Reconcile payouts",
            "Alert on failed payments");
    private static final List<String> STEP_NAMES = List.of("Send Slack message", "Insert row in Google Sheets",
            "HTTP request", "Create HubSpot contact", "Branch on amount", "Loop over items", "Send email (SMTP)",
            "Update Postgres row", "Ask OpenAI", "Delay 1 minute", "Create Jira issue", "Upload to S3");
    private static final List<String> NPM_PACKAGES = List.of("lodash", "dayjs", "axios", "uuid");

    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, List<Flow>> flowsByProject = new LinkedHashMap<>();
    private final Map<String, Flow> smokeFlows = new LinkedHashMap<>();

    private Catalog() {
    }

    static Catalog generate(Random random, Ids ids) {
        Catalog catalog = new Catalog();
        BullQueue shared = BullQueue.named(DemoFleet.SHARED_QUEUE);
        for (String id : SHARED_PROJECTS) {
            catalog.addProject(new Project(id, title(id.substring("proj-cloud-".length())), SHARED_PLATFORM, null,
                    shared), random, ids, null);
        }
        for (String customer : DemoFleet.CUSTOMERS) {
            String groupId = DemoFleet.groupIdOf(customer);
            Project project = new Project(DemoFleet.projectOf(customer), title(customer), "platform-" + customer,
                    groupId, BullQueue.named(DemoFleet.queueOf(groupId)));
            catalog.addProject(project, random, ids, "lodash");
            catalog.addSmokeFlow(customer, project);
        }
        return catalog;
    }

    /** The id of a customer's smoke flow: fixed, so that a trust policy can name it. */
    public static String smokeFlowIdOf(String customer) {
        return "smoke-" + customer;
    }

    /** A code step that imports lodash first: it fails under SANDBOX_CODE_ONLY and passes in the other modes. */
    private void addSmokeFlow(String customer, Project project) {
        String id = smokeFlowIdOf(customer);
        smokeFlows.put(id, new Flow(id, project, "Pitwall smoke test: npm package in a code step",
                List.of(id + "-v1"), List.of(new FlowStep("step_1", "Code: use lodash", "lodash"),
                new FlowStep("step_2", "Return the result", null))));
    }

    private void addProject(Project project, Random random, Ids ids, String firstFlowPackage) {
        projects.put(project.id(), project);
        for (int f = 0; f < FLOWS_PER_PROJECT; f++) {
            int stepCount = 2 + random.nextInt(5);
            List<FlowStep> steps = new ArrayList<>();
            int codeStep = f == 0 ? random.nextInt(stepCount) : (random.nextInt(4) == 0 ? random.nextInt(stepCount) : -1);
            for (int s = 0; s < stepCount; s++) {
                String name = "step_" + (s + 1);
                if (s == codeStep) {
                    String pkg = f == 0 && firstFlowPackage != null ? firstFlowPackage
                            : NPM_PACKAGES.get(random.nextInt(NPM_PACKAGES.size()));
                    steps.add(new FlowStep(name, "Code: transform with " + pkg, pkg));
                } else {
                    steps.add(new FlowStep(name, STEP_NAMES.get(random.nextInt(STEP_NAMES.size())), null));
                }
            }
            List<String> versions = new ArrayList<>();
            int versionCount = 1 + random.nextInt(3);
            for (int v = 0; v < versionCount; v++) {
                versions.add(ids.next());
            }
            Flow flow = new Flow(ids.next(), project, FLOW_NAMES.get(random.nextInt(FLOW_NAMES.size())), versions,
                    steps);
            flows.put(flow.id(), flow);
            flowsByProject.computeIfAbsent(project.id(), p -> new ArrayList<>()).add(flow);
        }
    }

    private static String title(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public List<Project> projects() {
        return List.copyOf(projects.values());
    }

    public Optional<Project> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    public List<Flow> flows() {
        return List.copyOf(flows.values());
    }

    /** A flow of the traffic, or a smoke flow. */
    public Optional<Flow> flow(String id) {
        Flow flow = flows.get(id);
        return Optional.ofNullable(flow != null ? flow : smokeFlows.get(id));
    }

    public List<Flow> flowsOf(String projectId) {
        return List.copyOf(flowsByProject.getOrDefault(projectId, List.of()));
    }

    /** The distinct queues of all projects, shared first. */
    public List<BullQueue> queues() {
        return projects.values().stream().map(Project::queue).distinct().toList();
    }
}
