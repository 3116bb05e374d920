package news.coverage.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The infrastructure the services need, started in this JVM without containers: each piece only when no external
 * address is configured, since a configured address always wins.
 *
 * <p>The settings travel under the environment variable names the services read ({@link #KAFKA_BOOTSTRAP_SERVERS},
 * {@link #MONGODB_URI}, {@link #POSTGRES_URL}, {@link #POSTGRES_USER}, {@link #POSTGRES_PASSWORD}, {@link #S3_ENDPOINT},
 * {@link #S3_BUCKET}): as environment for
 * service processes and as configuration for {@code @QuarkusTest}s.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGODB_URI = "MONGODB_URI";
    /** {@code postgresql://host:port/database}: the reactive client's form; JDBC takes it behind {@code jdbc:}. */
    public static final String POSTGRES_URL = "POSTGRES_URL";
    public static final String POSTGRES_USER = "POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";
    /** The S3-compatible object store, and the bucket whose new objects are ingested. */
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    public static final String S3_BUCKET = "S3_BUCKET";
    public static final String S3_ACCESS_KEY_ID = "S3_ACCESS_KEY_ID";
    public static final String S3_SECRET_ACCESS_KEY = "S3_SECRET_ACCESS_KEY";
    /** The bucket the local stack creates. */
    public static final String INCOMING_BUCKET = "incoming";

    /** The fixed ports of the local run; tests take free ones. */
    public static final int LOCAL_KAFKA_PORT = 19092;
    public static final int LOCAL_MONGODB_PORT = 37017;
    public static final int LOCAL_POSTGRES_PORT = 15432;
    public static final int LOCAL_S3_PORT = 19000;

    private static final String DATABASE = "coverage";

    /** The servers that can be stopped and started again in place ({@link #stop}, {@link #restart}). */
    public enum Server {
        KAFKA, MONGODB, POSTGRES
    }

    private final Path dataDirectory;
    private final boolean temporary;
    /** Whether MongoDB keeps its data in a file even when the rest is temporary, so that it can restart. */
    private final boolean mongoOnFile;
    private final Map<String, String> external;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<Server, Restartable> servers = new EnumMap<>(Server.class);

    private LocalStack(Path dataDirectory, boolean temporary, boolean mongoOnFile, Map<String, String> external) {
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.mongoOnFile = mongoOnFile;
        this.external = external;
    }

    /**
     * A JDBC connection to the PostgreSQL database that these settings name ({@link #POSTGRES_URL} and its
     * credentials); the PostgreSQL driver must be on the class path.
     */
    public static Connection connectToPostgres(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection("jdbc:" + settings.get(POSTGRES_URL), settings.get(POSTGRES_USER),
                settings.get(POSTGRES_PASSWORD));
    }

    /** Data in a fresh folder under {@code target/}, deleted on close; free ports; MongoDB in memory. */
    public static LocalStack forTests() {
        return new LocalStack(testDirectory(), true, false, System.getenv());
    }

    /**
     * As {@link #forTests()}, but every server can be stopped and started again in place: MongoDB keeps its data in a
     * file (slower than in memory).
     */
    public static LocalStack restartable() {
        return new LocalStack(testDirectory(), true, true, System.getenv());
    }

    /** Data kept in {@code dataDirectory} across starts; the fixed local ports. */
    public static LocalStack persistent(Path dataDirectory) {
        return new LocalStack(dataDirectory.toAbsolutePath(), false, true, System.getenv());
    }

    private static Path testDirectory() {
        return Path.of("target", "local-stack", UUID.randomUUID().toString()).toAbsolutePath();
    }

    public LocalStack withKafka() {
        String servers = external(KAFKA_BOOTSTRAP_SERVERS).orElseGet(() -> track(Server.KAFKA, () -> KafkaBroker.start(
                dataDirectory.resolve("kafka"), temporary, port(LOCAL_KAFKA_PORT))).bootstrapServers());
        settings.put(KAFKA_BOOTSTRAP_SERVERS, servers);
        return this;
    }

    public LocalStack withMongo() {
        String uri = external(MONGODB_URI).orElseGet(() -> track(Server.MONGODB, () -> mongoOnFile
                ? MongoWireServer.persistent(dataDirectory.resolve("mongodb").resolve("catalog.mv"),
                        port(LOCAL_MONGODB_PORT))
                : MongoWireServer.inMemory(0))
                .connectionString());
        settings.put(MONGODB_URI, uri);
        return this;
    }

    public LocalStack withPostgres() {
        Optional<String> url = external(POSTGRES_URL);
        if (url.isPresent()) {
            settings.put(POSTGRES_URL, url.get());
            settings.put(POSTGRES_USER, external(POSTGRES_USER).orElse(PostgresServer.USER));
            settings.put(POSTGRES_PASSWORD, external(POSTGRES_PASSWORD).orElse(PostgresServer.PASSWORD));
            return this;
        }
        // the binaries are unpacked once per checkout, beside the data of the local run
        Path binaries = temporary ? Path.of("target", "postgres-binaries").toAbsolutePath()
                : dataDirectory.resolve("postgres-binaries");
        PostgresServer server = track(Server.POSTGRES, () -> PostgresServer.start(binaries, dataDirectory.resolve("postgres"),
                temporary, port(LOCAL_POSTGRES_PORT), DATABASE));
        settings.put(POSTGRES_URL, server.url());
        settings.put(POSTGRES_USER, PostgresServer.USER);
        settings.put(POSTGRES_PASSWORD, PostgresServer.PASSWORD);
        return this;
    }

    public LocalStack withS3() {
        String endpoint = external(S3_ENDPOINT).orElseGet(() -> track(() -> temporary
                ? IsolatedS3Server.start(null, 0, INCOMING_BUCKET)
                : IsolatedS3Server.start(dataDirectory.resolve("s3"), LOCAL_S3_PORT, INCOMING_BUCKET)).endpoint());
        settings.put(S3_ENDPOINT, endpoint);
        settings.put(S3_BUCKET, external(S3_BUCKET).orElse(INCOMING_BUCKET));
        // the embedded store takes any credentials; an external one gets its own
        settings.put(S3_ACCESS_KEY_ID, external(S3_ACCESS_KEY_ID).orElse("local"));
        settings.put(S3_SECRET_ACCESS_KEY, external(S3_SECRET_ACCESS_KEY).orElse("local"));
        return this;
    }

    public LocalStack withAll() {
        return withKafka().withMongo().withPostgres().withS3();
    }

    /**
     * Stops an embedded server (as an outage of it would): its clients lose their connections, its port and data
     * stay for {@link #restart}.
     *
     * @throws IllegalStateException if the stack did not start it (an external address was configured)
     */
    public void stop(Server server) throws IOException {
        embedded(server).stop();
    }

    /** Starts a stopped server again on its port with its data, and waits until it answers. */
    public void restart(Server server) throws IOException {
        embedded(server).restart();
    }

    private Restartable embedded(Server server) {
        Restartable embedded = servers.get(server);
        if (embedded == null) {
            throw new IllegalStateException(server + " is not a server this stack started");
        }
        return embedded;
    }

    /** What the started pieces are reached at, under the names the services read. */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    private Optional<String> external(String name) {
        return Optional.ofNullable(external.get(name)).filter(value -> !value.isBlank());
    }

    private int port(int localPort) {
        return temporary ? 0 : localPort;
    }

    private <T extends Restartable> T track(Server kind, Starter<T> starter) {
        T server = track(starter);
        servers.put(kind, server);
        return server;
    }

    private <T extends AutoCloseable> T track(Starter<T> starter) {
        try {
            T server = starter.start();
            started.push(server);
            return server;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("local stack: stopping failed: " + e);
            }
        }
        if (temporary) {
            try {
                Directories.deleteRecursively(dataDirectory);
            } catch (IOException e) {
                System.err.println("local stack: cannot delete " + dataDirectory + ": " + e);
            }
        }
    }

    @FunctionalInterface
    private interface Starter<T> {
        T start() throws IOException;
    }
}
