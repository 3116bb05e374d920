package news.coverage.system;

import news.coverage.deploy.chaos.ChaosRun;
import news.coverage.deploy.chaos.FaultSchedule;
import news.coverage.deploy.chaos.PipelineAudit;
import news.coverage.deploy.stack.LocalStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short fault-injection run of {@code deploy/chaos}: 2,000 items, 100 updates and 20 deletions while each service
 * is killed with SIGKILL once and the broker restarted; then nothing may be lost, doubled, stale or back from the
 * dead, in the catalog or in recommend's read model.
 */
class ChaosIT {

    @Test
    void nothingAcceptedIsLostOrDoubledWhileServicesDieAndTheBrokerRestarts() throws Exception {
        List<FaultSchedule.Fault> faults = List.of(FaultSchedule.Fault.kill("ingest-service"),
                FaultSchedule.Fault.kill("catalog-service"), FaultSchedule.Fault.kill("recommend-service"),
                FaultSchedule.Fault.outage(LocalStack.Server.KAFKA, Duration.ofSeconds(5)));
        List<PipelineAudit.Check> checks = ChaosRun.run(SystemUnderTest.REPOSITORY, 2_000, 100, 20,
                Duration.ofSeconds(60), 20261206L, faults, Path.of("target", "chaos"), false);
        List<PipelineAudit.Check> failed = checks.stream().filter(check -> !check.passed()).toList();
        assertTrue(failed.isEmpty(), "failed checks: " + failed);
    }
}
