package dev.pitwall.testing;

import dev.pitwall.demo.RedisServerProcess;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A throwaway redis-server per test class on a free loopback port (binary from REDIS_SERVER, the PATH, or the
 * embedded jar), stopped by PID after the class. Tests take it as a {@link RedisServerProcess} parameter.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RedisServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("server", RedisServerProcess.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RedisServerProcess server = context.getStore(NS).remove("server", RedisServerProcess.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == RedisServerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return findClassContext(e).getStore(NS).get("server", RedisServerProcess.class);
    }

    private static ExtensionContext findClassContext(ExtensionContext e) {
        ExtensionContext c = e;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
