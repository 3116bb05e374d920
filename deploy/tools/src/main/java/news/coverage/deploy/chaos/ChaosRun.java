package news.coverage.deploy.chaos;

import news.coverage.deploy.benchmark.IngestBenchmark;
import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import news.coverage.deploy.testing.JwtIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code deploy/chaos [items] [updates] [deletions] [seconds] [seed]}: the packaged services as processes on the
 * local stack, loaded with distinct real items over HTTP and through files dropped into the object store, with
 * updates and deletions, while services are killed with SIGKILL and servers of the stack are stopped for a while;
 * then, once the consumers caught up, what the catalog and recommend's read model hold is checked against what was
 * sent, and the report printed as a table. Exits 1 when a check fails.
 */
public final class ChaosRun {

    /** The faults of the full run: each service killed, each server stopped once. */
    static List<FaultSchedule.Fault> fullFaults() {
        Duration outage = Duration.ofSeconds(10);
        return List.of(FaultSchedule.Fault.kill("catalog-service"), FaultSchedule.Fault.kill("catalog-service"),
                FaultSchedule.Fault.kill("recommend-service"), FaultSchedule.Fault.kill("recommend-service"),
                FaultSchedule.Fault.kill("ingest-service"),
                FaultSchedule.Fault.outage(LocalStack.Server.KAFKA, outage),
                FaultSchedule.Fault.outage(LocalStack.Server.POSTGRES, outage),
                FaultSchedule.Fault.outage(LocalStack.Server.MONGODB, outage));
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int deletions = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Duration span = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 150);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.currentTimeMillis();
        Path repository = Path.of("").toAbsolutePath();
        List<PipelineAudit.Check> checks = run(repository, items, updates, deletions, span, seed, fullFaults(),
                Path.of("target", "chaos"), true);
        System.exit(checks.stream().allMatch(PipelineAudit.Check::passed) ? 0 : 1);
    }

    /**
     * One run with the faults; then, when {@code againstCleanRun}, the same input again on a new stack without faults,
     * whose answers and stories those of the run with faults must equal. Answers its checks, which it also prints.
     */
    public static List<PipelineAudit.Check> run(Path repository, int items, int updates, int deletions, Duration span,
            long seed, List<FaultSchedule.Fault> faults, Path work, boolean againstCleanRun) throws Exception {
        ChaosPlan plan = ChaosPlan.of(IngestBenchmark.samples(repository, "seeds", "ai-news", "power-apps"), items,
                updates, deletions);
        System.out.printf("chaos: %d items (every tenth batch by a file in the object store), %d updates, %d "
                + "deletions over %d s, seed %d; faults: %s%n", items, plan.updates(), plan.deletions(),
                span.toSeconds(), seed, faults);
        FaultSchedule schedule = new FaultSchedule(faults, seed);
        Outcome faulty = runOnce(repository, plan, span, schedule, work.resolve("faults"), againstCleanRun);
        List<PipelineAudit.Check> checks = new ArrayList<>(faulty.checks());
        if (againstCleanRun) {
            System.out.println("the same input again, without faults:");
            Outcome clean = runOnce(repository, plan, span, new FaultSchedule(List.of(), seed), work.resolve("clean"),
                    true);
            checks.add(new PipelineAudit.Check("a clean run of the same input passes", "every check",
                    clean.checks().stream().filter(check -> !check.passed()).map(PipelineAudit.Check::what).toList()
                            + " failed", clean.checks().stream().allMatch(PipelineAudit.Check::passed)));
            checks.addAll(PipelineAudit.againstCleanRun(faulty.recommend(), clean.recommend()));
            System.out.print(PipelineAudit.storiesApart(faulty.recommend(), clean.recommend(), 3));
        }
        print(schedule, checks);
        return checks;
    }

    /** A run's checks, and what recommend answers after it when asked for. */
    private record Outcome(List<PipelineAudit.Check> checks, RecommendSnapshot recommend) {
    }

    private static Outcome runOnce(Path repository, ChaosPlan plan, Duration span, FaultSchedule schedule, Path work,
            boolean snapshot) throws Exception {
        try (LocalStack stack = LocalStack.restartable().withAll()) {
            Map<String, Integer> ports = CoverageServices.NAMES.stream()
                    .collect(Collectors.toMap(Function.identity(), name -> FreePort.find()));
            JwtIssuer issuer = JwtIssuer.forTests();
            Map<String, String> environment = new HashMap<>(stack.settings());
            environment.putAll(issuer.serviceEnvironment());
            try (CoverageServices services = CoverageServices.start(repository, ports, environment,
                    work.resolve("services"))) {
                ChaosLoad load = new ChaosLoad(plan, services, stack.settings(),
                        issuer.token("chaos", Duration.ofHours(2), "ingest"),
                        issuer.token("chaos", Duration.ofHours(2), "catalog-admin"));
                ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
                    Thread thread = new Thread(runnable, "chaos");
                    thread.setDaemon(true);
                    return thread;
                });
                long started = System.nanoTime();
                Future<?> loading = threads.submit(() -> {
                    load.run(span.dividedBy(Math.max(1, plan.steps().size())));
                    return null;
                });
                Future<?> faulting = threads.submit(() -> {
                    schedule.run(span, services, stack);
                    return null;
                });
                faulting.get();
                loading.get();
                threads.shutdown();
                System.out.printf("  sent in %.0f s; waiting for the consumers ...%n",
                        (System.nanoTime() - started) / 1e9);
                PipelineAudit audit = new PipelineAudit(stack.settings());
                boolean caughtUp = audit.awaitCatchUp(Duration.ofMinutes(4));
                System.out.printf("  %s after %.0f s%n", caughtUp ? "caught up" : "NOT caught up",
                        (System.nanoTime() - started) / 1e9);
                List<PipelineAudit.Check> checks = audit.audit(plan, load);
                RecommendSnapshot recommend = snapshot
                        ? RecommendSnapshot.take(services.get("recommend-service").url(), stack.settings())
                        : null;
                return new Outcome(checks, recommend);
            }
        }
    }

    private static void print(FaultSchedule schedule, List<PipelineAudit.Check> checks) {
        System.out.println();
        System.out.println("| fault | at | back after |");
        System.out.println("|---|---|---|");
        schedule.injected().forEach(injected -> System.out.printf("| %s | %s | %.1f s |%n", injected.fault(),
                injected.at(), injected.tookToRecover().toMillis() / 1e3));
        System.out.println();
        System.out.println("| check | expected | found | result |");
        System.out.println("|---|---|---|---|");
        checks.stream().map(PipelineAudit.row()).forEach(System.out::println);
    }
}
