package news.coverage.deploy.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), in this JVM. */
public final class KafkaBroker implements Restartable {

    /** The broker's configuration, ports included: a restart listens where it did. */
    private final Properties properties;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final boolean temporary;
    /** Null while stopped. */
    private KafkaRaftServer server;

    private KafkaBroker(Properties properties, String bootstrapServers, Path logDirectory, boolean temporary) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
        this.temporary = temporary;
    }

    /**
     * Formats the log directory unless it already is, then starts the broker and waits until it answers.
     *
     * @param logDirectory the broker's data; kept when {@code temporary} is false
     * @param port         the client port, 0 for a free one
     */
    public static KafkaBroker start(Path logDirectory, boolean temporary, int port) throws IOException {
        Logging.quiet();
        int clientPort = port == 0 ? FreePort.find() : port;
        int controllerPort = FreePort.find();
        Files.createDirectories(logDirectory);
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toAbsolutePath().toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        format(logDirectory, properties);

        KafkaBroker broker = new KafkaBroker(properties, "localhost:" + clientPort, logDirectory, temporary);
        broker.restart();
        return broker;
    }

    @Override
    public synchronized void restart() throws IOException {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Formats the storage once; a second start finds it formatted and keeps its data. */
    private static void format(Path logDirectory, Properties properties) throws IOException {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path config = logDirectory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "news.coverage local stack");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] { "format", "--cluster-id",
                Uuid.randomUuid().toString(), "--config", config.toString() },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the broker did not answer on " + bootstrapServers, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (temporary) {
            Directories.deleteRecursively(logDirectory);
        }
    }
}
