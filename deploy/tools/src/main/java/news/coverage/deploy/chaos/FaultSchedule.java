package news.coverage.deploy.chaos;

import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.stack.LocalStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a fault-injection run, each at a random moment of it: a service killed with SIGKILL and started
 * again, or a server of the stack stopped for a while and started again in place.
 */
public final class FaultSchedule {

    /** One fault: a service to kill, or a server to stop for {@code outage}. */
    public record Fault(String service, LocalStack.Server server, Duration outage) {

        public static Fault kill(String service) {
            return new Fault(service, null, Duration.ZERO);
        }

        public static Fault outage(LocalStack.Server server, Duration outage) {
            return new Fault(null, server, outage);
        }

        @Override
        public String toString() {
            return service != null ? "SIGKILL " + service : server + " stopped for " + outage.toSeconds() + " s";
        }
    }

    /** A fault as it happened: when it began and how long until things were back. */
    record Injected(Fault fault, Instant at, Duration tookToRecover) {
    }

    /** About how long a service or server takes to be back after it is started. */
    private static final Duration RESTART = Duration.ofSeconds(4);

    private final List<Fault> faults;
    private final Random random;
    private final List<Injected> injected = Collections.synchronizedList(new ArrayList<>());

    FaultSchedule(List<Fault> faults, long seed) {
        this.random = new Random(seed);
        this.faults = new ArrayList<>(faults);
        Collections.shuffle(this.faults, random);
    }

    /**
     * Injects the faults one after another over {@code span}: each after a random pause, so that the moments fall at
     * random over the load.
     */
    void run(Duration span, CoverageServices services, LocalStack stack) throws Exception {
        // the faults themselves take time: an outage its length, a restart a few seconds
        long faultTime = faults.stream().mapToLong(fault -> fault.outage().toMillis() + RESTART.toMillis()).sum();
        long pauseBudget = Math.max(1000, (span.toMillis() - faultTime)) / (faults.size() + 1);
        for (Fault fault : faults) {
            Thread.sleep(pauseBudget / 2 + (long) (random.nextDouble() * pauseBudget));
            Instant at = Instant.now();
            System.out.println("  fault: " + fault);
            if (fault.service() != null) {
                services.killAndRestart(fault.service());
            } else {
                stack.stop(fault.server());
                Thread.sleep(fault.outage().toMillis());
                stack.restart(fault.server());
            }
            injected.add(new Injected(fault, at, Duration.between(at, Instant.now())));
        }
    }

    List<Injected> injected() {
        return List.copyOf(injected);
    }
}
