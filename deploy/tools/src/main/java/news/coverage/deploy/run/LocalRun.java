package news.coverage.deploy.run;

import news.coverage.deploy.stack.LocalStack;
import news.coverage.deploy.testing.JwtIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole system on a laptop without containers: the local stack (data kept in {@code .local-data/}), the three
 * services as separate processes, and the sample items of {@code deploy/sample-data/} loaded through ingest.
 * Ctrl-C stops everything.
 */
public final class LocalRun {

    static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "catalog-service", 8082,
            "recommend-service", 8083);
    /** The sample item whose related coverage the printed request asks for. */
    private static final String SHOWCASE = "2020-06-09-ibm-gets-out-of-facial-recognition-business.md";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        new LocalRun().run(Path.of("").toAbsolutePath());
    }

    private void run(Path repository) throws Exception {
        Path data = repository.resolve(".local-data");
        System.out.println("Starting the local stack (data in " + data + ") ...");
        LocalStack stack = LocalStack.persistent(data).withAll();
        CountDownLatch stopped = new CountDownLatch(1);
        CoverageServices[] services = new CoverageServices[1];
        BucketDropNotifier[] drops = new BucketDropNotifier[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping news.coverage ...");
            if (services[0] != null) {
                services[0].close();
            }
            if (drops[0] != null) {
                try {
                    drops[0].close();
                } catch (IOException e) {
                    System.err.println("stopping the drop folder watcher failed: " + e);
                }
            }
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "local-run-shutdown"));

        JwtIssuer issuer = JwtIssuer.in(data.resolve("jwt"));
        String token = issuer.token("local-user", Duration.ofHours(12), "ingest", "catalog-admin");
        Map<String, String> environment = new LinkedHashMap<>(stack.settings());
        environment.putAll(issuer.serviceEnvironment());
        // on a laptop the services answer this machine alone, and log plain text for the person reading the logs;
        // a host configured in the environment still wins (JSON lines stay the production format)
        if (System.getenv("QUARKUS_HTTP_HOST") == null) {
            environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        }
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        System.out.println("Starting the services ...");
        services[0] = CoverageServices.start(repository, PORTS, environment, data.resolve("services"));
        URI ingest = services[0].get("ingest-service").url();
        URI recommend = services[0].get("recommend-service").url();

        String showcaseId = loadSamples(repository.resolve("deploy/sample-data"), ingest, token);
        Path dropFolder = data.resolve("s3").resolve(LocalStack.INCOMING_BUCKET);
        drops[0] = BucketDropNotifier.start(dropFolder, LocalStack.INCOMING_BUCKET,
                stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS));
        URI related = recommend.resolve("/related/" + showcaseId + "?limit=5");
        awaitAnswer(related);

        System.out.println();
        System.out.println("news.coverage is running: open " + services[0].get("catalog-service").url() + "/ in a browser.");
        System.out.println("Ctrl-C stops everything.");
        for (ServiceProcess service : services[0].all()) {
            System.out.printf("  %-18s %s   OpenAPI UI %s/q/swagger-ui   log %s%n", service.name(), service.url(),
                    service.url(), repository.relativize(service.log()));
        }
        stack.settings().forEach((name, value) -> System.out.printf("  %-18s %s%n", name, value));
        System.out.println();
        System.out.println("Related coverage of \"IBM gets out of facial recognition business\":");
        System.out.println("  curl -s '" + related + "'");
        System.out.println();
        System.out.println("A bearer token with the ingest and catalog-admin roles, valid 12 hours:");
        System.out.println("  export TOKEN=" + token);
        System.out.println("Ingest an item of your own:");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: text/markdown' --data-binary @"
                + "deploy/sample-data/" + SHOWCASE + " " + ingest.resolve("/items"));
        System.out.println("Or drop a file (Markdown, JSON, NDJSON, text with front matter, zip, tar.gz) into the object store:");
        System.out.println("  cp my-item.md " + repository.relativize(dropFolder) + "/      or      curl -T my-item.md "
                + stack.settings().get(LocalStack.S3_ENDPOINT) + "/" + LocalStack.INCOMING_BUCKET + "/my-item.md");
        stopped.await();
    }

    /** Posts every sample item to ingest; answers the id of the showcase item. */
    private String loadSamples(Path folder, URI ingest, String token) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        String showcaseId = null;
        int accepted = 0;
        for (Path file : files) {
            HttpRequest post = HttpRequest.newBuilder(ingest.resolve("/items"))
                    .header("Content-Type", "text/markdown")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                System.out.println("  rejected " + file.getFileName() + ": " + response.body());
                continue;
            }
            accepted++;
            Matcher id = ID.matcher(response.body());
            if (file.getFileName().toString().equals(SHOWCASE) && id.find()) {
                showcaseId = id.group(1);
            }
        }
        System.out.println("Loaded " + accepted + " of " + files.size() + " sample items from " + folder);
        if (showcaseId == null) {
            throw new IOException("the showcase item " + SHOWCASE + " was not accepted");
        }
        return showcaseId;
    }

    /** The samples travel ingest → Kafka → catalog → Kafka → recommend; wait until the answer is there. */
    private void awaitAnswer(URI related) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(related).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && ID.matcher(response.body()).find()) {
                return;
            }
            Thread.sleep(250);
        }
        System.out.println("(the related-coverage answer is not there yet; the services' logs tell why)");
    }
}
