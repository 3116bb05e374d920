package news.coverage.deploy.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service running as its own process, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    /** HTTP/1.1: a pooled connection to a killed process then fails at once instead of as an idle HTTP/2 one. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    /** How it was started: {@link #restart()} starts it the same way. */
    private final ProcessBuilder builder;
    private final URI url;
    private final Path log;
    /** Stops the service when this JVM is stopped before {@link #close()}: no process outlives its starter. */
    private final Thread stopOnExit;
    private volatile Process process;

    private ServiceProcess(String name, ProcessBuilder builder, URI url, Path log) throws IOException {
        this.name = name;
        this.builder = builder;
        this.url = url;
        this.log = log;
        this.process = builder.start();
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code <serviceDirectory>/target/quarkus-app/quarkus-run.jar} with the given environment and HTTP port,
     * and with the JVM options of {@code <serviceDirectory>/jvm.options} if there is one;
     * its log ({@code <name>.log}, the previous one kept as {@code <name>.previous.log}) and temporary files go to
     * {@code workDirectory}, not to the machine's temporary folder.
     */
    public static ServiceProcess start(String name, Path serviceDirectory, int port, Map<String, String> environment,
            Path workDirectory) throws IOException {
        Path jar = serviceDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not packaged: " + jar + " is missing (run ./mvnw package first)");
        }
        Path log = workDirectory.resolve(name + ".log");
        // the previous run's log is kept, so that the errors of a failed run are still there after a restart
        if (Files.exists(log)) {
            Files.move(log, workDirectory.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path temporary = Files.createDirectories(workDirectory.resolve("tmp").resolve(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + temporary));
        // the classes a service loads at start, archived by its build (quarkus.package.jar.appcds.enabled)
        Path classArchive = jar.resolveSibling("app-cds.jsa");
        if (Files.isRegularFile(classArchive)) {
            command.add("-XX:SharedArchiveFile=" + classArchive);
        }
        // the service's own JVM options, as its image passes them
        Path options = serviceDirectory.resolve("jvm.options");
        if (Files.isRegularFile(options)) {
            command.add("@" + options);
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, builder, URI.create("http://localhost:" + port), log);
    }

    /**
     * Kills the process with SIGKILL, as the OOM killer or a lost node does: no shutdown hook runs, nothing is
     * flushed or committed.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the service again as it was started (port, environment), its output appended to its log. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
    }

    /** Waits until the service's readiness check passes, which includes each of its backing connections. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or a connection of the process before a restart
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + log);
    }

    /**
     * A figure the service's readiness checks report, such as recommend's {@code articles}: the first check whose
     * data has the key; -1 if none has it.
     */
    public long readinessData(String key) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(url.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode check : new ObjectMapper().readTree(body).path("checks")) {
            if (check.path("data").has(key)) {
                return check.path("data").path(key).asLong();
            }
        }
        return -1;
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public Path log() {
        return log;
    }

    /** The CPU time the process has used so far, where the platform tells. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The process's resident memory in MiB, from {@code /proc} (Linux); -1 where there is none. */
    public long residentMebibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Asks the service to stop (SIGTERM, a graceful Quarkus shutdown) and waits for it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook stops the service
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
