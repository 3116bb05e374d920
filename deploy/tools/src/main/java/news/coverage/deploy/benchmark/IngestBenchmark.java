package news.coverage.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import news.coverage.deploy.run.ServiceProcess;
import news.coverage.deploy.stack.FreePort;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures bulk ingestion: NDJSON uploads of the shared SmartableAI items (or, without them, the sample items)
 * repeated to {@code items}, each copy its own URL and so its own article; parsed, validated and published with the
 * broker's acknowledgement, against the packaged ingest-service running as its own process and a real Kafka broker,
 * by {@code clients} uploading at once. Prints items per second.
 *
 * <p>Usage: {@code IngestBenchmark [items] [items per upload] [clients] [warm-up uploads]}, from the repository root
 * after a package build. The warm-up uploads (default 16) go first and are not counted.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perUpload = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmUpUploads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Path repository = Path.of("").toAbsolutePath();
        List<ObjectNode> samples = samples(repository, "seeds", "ai-news", "power-apps");
        List<byte[]> uploads = uploads(samples, total, perUpload);
        long bytes = uploads.stream().mapToLong(upload -> upload.length).sum();

        Path work = Files.createTempDirectory(repository.resolve("target"), "ingest-benchmark");
        try (LocalStack stack = LocalStack.forTests().withKafka().withS3()) {
            JwtIssuer issuer = JwtIssuer.forTests();
            Map<String, String> environment = new HashMap<>(stack.settings());
            environment.putAll(issuer.serviceEnvironment());
            try (ServiceProcess ingest = ServiceProcess.start("ingest-service", repository.resolve("ingest-service"),
                    FreePort.find(), environment, work)) {
                ingest.awaitReady(Duration.ofSeconds(120));
                String token = issuer.token("benchmark", Duration.ofHours(1), "ingest");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // uploads before the measured ones let the JIT finish compiling the hot paths (it still used a tenth
                // of the CPU after 20,000 items): the figure is the sustained rate
                for (int i = 0; i < warmUpUploads; i++) {
                    post(http, ingest.url(), token, uploads.get(i % uploads.size()));
                }
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                Duration serviceCpuBefore = ingest.cpuTime();
                long ownCpuBefore = ownCpuNanos();
                long start = System.nanoTime();
                List<Future<Long>> accepted = new ArrayList<>();
                for (byte[] upload : uploads) {
                    accepted.add(pool.submit(() -> post(http, ingest.url(), token, upload)));
                }
                long acceptedItems = 0;
                for (Future<Long> count : accepted) {
                    acceptedItems += count.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double serviceCpu = ingest.cpuTime().minus(serviceCpuBefore).toMillis() / 1e3;
                double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
                pool.shutdown();
                System.out.printf("ingest benchmark: %d items (%d distinct sources, %.0f MB of NDJSON) in %d uploads of %d "
                        + "by %d clients after %d warm-up uploads: %d accepted in %.1f s = %.0f items/s%n", total,
                        samples.size(), bytes / 1e6, uploads.size(), perUpload, clients, warmUpUploads, acceptedItems,
                        seconds, acceptedItems / seconds);
                System.out.printf("  CPU: ingest-service %.1f s, broker and clients %.1f s (2 cores give %.1f s)%n",
                        serviceCpu, ownCpu, 2 * seconds);
            }
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long post(HttpClient http, URI ingest, String token, byte[] upload)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/uploads"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("accepted").asLong();
    }

    /**
     * The items of the named folders of the shared data beside the repository, or without it the sample items of
     * {@code deploy/sample-data}.
     */
    public static List<ObjectNode> samples(Path repository, String... sharedFolders) throws IOException {
        Path shared = repository.resolve("../shared/data/smartable");
        return Files.isDirectory(shared)
                ? samples(Stream.of(sharedFolders).map(shared::resolve).toList())
                : samples(List.of(repository.resolve("deploy/sample-data")));
    }

    /** The items of the folders as JSON, read from their Markdown front matter. */
    public static List<ObjectNode> samples(List<Path> folders) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<ObjectNode> items = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String text = Files.readString(file).replace("\r\n", "\n");
                    if (text.startsWith("---\n")) {
                        items.add((ObjectNode) yaml.readTree(text.substring(4, text.indexOf("\n---", 4) + 1)));
                    }
                }
            }
        }
        return items;
    }

    /** NDJSON bodies of {@code perUpload} items; copy n of a sample gets {@code ?copy=n} on its URL. */
    static List<byte[]> uploads(List<ObjectNode> samples, int total, int perUpload) {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> uploads = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < total; i++) {
            ObjectNode item = samples.get(i % samples.size()).deepCopy();
            String field = item.hasNonNull("webUrl") ? "webUrl" : "originalUrl";
            String url = item.get(field).asText();
            item.put(field, url + (url.contains("?") ? "&" : "?") + "copy=" + i);
            body.append(item).append('\n');
            if ((i + 1) % perUpload == 0 || i == total - 1) {
                uploads.add(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        return uploads;
    }
}
