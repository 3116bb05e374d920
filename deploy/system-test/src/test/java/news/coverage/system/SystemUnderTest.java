package news.coverage.system;

import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import news.coverage.deploy.testing.JwtIssuer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole system for one test class: the local stack, and the three packaged services as processes on free ports,
 * verifying tokens of this run's own issuer; its files under {@code target/<name>}.
 */
final class SystemUnderTest implements AutoCloseable {

    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    private final LocalStack stack;
    private final CoverageServices services;
    private final JwtIssuer issuer;

    private SystemUnderTest(LocalStack stack, CoverageServices services, JwtIssuer issuer) {
        this.stack = stack;
        this.services = services;
        this.issuer = issuer;
    }

    static SystemUnderTest start(String name) throws IOException, InterruptedException {
        LocalStack stack = LocalStack.forTests().withAll();
        try {
            Map<String, Integer> ports = CoverageServices.NAMES.stream()
                    .collect(Collectors.toMap(Function.identity(), service -> FreePort.find()));
            JwtIssuer issuer = JwtIssuer.forTests();
            Map<String, String> environment = new HashMap<>(stack.settings());
            environment.putAll(issuer.serviceEnvironment());
            CoverageServices services = CoverageServices.start(REPOSITORY, ports, environment,
                    Path.of("target", name, "services"));
            return new SystemUnderTest(stack, services, issuer);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    CoverageServices services() {
        return services;
    }

    JwtIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        services.close();
        stack.close();
    }
}
