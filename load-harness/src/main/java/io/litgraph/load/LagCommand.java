package io.litgraph.load;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** Prints {@code group topic lag} per line: how the fault tests check that no consumer is stuck. */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Consumer lag of GROUP:TOPIC pairs, one line each.")
public class LagCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true)
    String bootstrap;

    @Option(names = "--group", required = true, description = "GROUP:TOPIC, repeatable (e.g. entity-service:litgraph.documents.v1)")
    List<String> groups;

    @Override
    public Integer call() throws Exception {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("only a broker on this machine, not " + bootstrap);
        }
        LagSampler.Group[] parsed = groups.stream().map(g -> {
            int colon = g.indexOf(':');
            return new LagSampler.Group(g.substring(0, colon), g.substring(colon + 1));
        }).toArray(LagSampler.Group[]::new);
        try (LagSampler sampler = new LagSampler(bootstrap, parsed)) {
            for (LagSampler.Group g : parsed) {
                System.out.println(g.id() + " " + g.topic() + " " + sampler.lagOf(g));
            }
        }
        return 0;
    }
}
