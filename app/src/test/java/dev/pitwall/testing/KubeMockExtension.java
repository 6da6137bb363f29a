package dev.pitwall.testing;

import dev.pitwall.demo.KubeMockCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** fabric8's mock API server in CRUD mode per test class, with a kubeconfig; injected as {@link KubeMockCluster}. */
public final class KubeMockExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KubeMockExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("cluster", KubeMockCluster.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        KubeMockCluster cluster = context.getStore(NS).remove("cluster", KubeMockCluster.class);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == KubeMockCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        ExtensionContext c = e;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c.getStore(NS).get("cluster", KubeMockCluster.class);
    }
}
