package news.coverage.deploy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The three services of news.coverage, each its own process, started against one set of infrastructure. */
public final class CoverageServices implements AutoCloseable {

    /** The services in start order: consumers first, so that nothing they consume waits on them. */
    public static final List<String> NAMES = List.of("recommend-service", "catalog-service", "ingest-service");

    private final List<ServiceProcess> processes;

    private CoverageServices(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /**
     * Starts the packaged services found under {@code repository}, waits until each is ready.
     *
     * @param ports    the HTTP port of each service, by name
     * @param settings the infrastructure's addresses, as environment variables
     * @param workDirectory where the services' logs and temporary files go
     */
    public static CoverageServices start(Path repository, Map<String, Integer> ports, Map<String, String> settings,
            Path workDirectory) throws IOException, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        CoverageServices services = new CoverageServices(started);
        // catalog's web pages ask recommend and ingest, wherever this start put them
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("RECOMMEND_URL", "http://localhost:" + ports.get("recommend-service"));
        environment.put("INGEST_URL", "http://localhost:" + ports.get("ingest-service"));
        try {
            for (String name : NAMES) {
                started.add(ServiceProcess.start(name, repository.resolve(name), ports.get(name), environment,
                        workDirectory));
            }
            for (ServiceProcess service : started) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            return services;
        } catch (IOException | InterruptedException | RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public ServiceProcess get(String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Kills the service with SIGKILL, starts it again on its port and waits until it is ready. */
    public void killAndRestart(String name) throws IOException, InterruptedException {
        ServiceProcess service = get(name);
        service.kill();
        service.restart();
        service.awaitReady(Duration.ofSeconds(120));
    }

    public List<ServiceProcess> all() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
