package io.litgraph.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the stack up once per test JVM with {@code bin/litgraph up} (seeds ingested) and takes it down
 * when every test class that uses it has run, checking that {@code down} leaves no process behind.
 * Test classes get it with {@code @ExtendWith(RunningStack.class)} and a {@link Stack} parameter.
 */
public class RunningStack implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Started.class, k -> Started.start(), Started.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Stack.class || p.getParameter().getType() == Stack.Result.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Started s = started(e);
        return p.getParameter().getType() == Stack.class ? s.stack : s.up;
    }

    /** Stored in the root context, so JUnit closes it after the last test class. */
    static final class Started implements ExtensionContext.Store.CloseableResource {
        final Stack stack;
        final Stack.Result up;

        private Started(Stack stack, Stack.Result up) {
            this.stack = stack;
            this.up = up;
        }

        static Started start() {
            try {
                Path repo = Stack.repoRoot();
                Stack stack = new Stack(repo, repo.resolve("system-tests/target/stack"));
                // a clean slate: what an earlier run left in this stack's database must not count
                stack.run(120, "down", "--purge");
                return new Started(stack, stack.run(1200, "up"));
            } catch (Exception e) {
                throw new IllegalStateException("could not run bin/litgraph up", e);
            }
        }

        @Override
        public void close() throws Exception {
            List<Long> pids = stack.recordedPids();
            Stack.Result down = stack.run(180, "down");
            List<Long> survivors = new ArrayList<>();
            for (long pid : pids) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> survivors.add(pid));
            }
            if (down.exitCode() != 0 || !survivors.isEmpty()) {
                throw new AssertionError("down failed (exit " + down.exitCode() + ") or left processes " + survivors
                        + ":\n" + down.output());
            }
        }
    }
}
