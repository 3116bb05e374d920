package news.coverage.deploy.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Closed-loop HTTP load: clients each sending the next request when the previous one was answered. */
final class HttpLoad {

    /** What a run measured: requests answered, over how long, and the latency percentiles. */
    record Result(int requests, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return requests / seconds;
        }

        void print(String name, int clients) {
            System.out.printf("  %-28s %d clients, %.0f s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms%n", name, clients,
                    seconds, perSecond(), p50Millis, p99Millis);
        }
    }

    private HttpLoad() {
    }

    /** {@code clients} clients for {@code seconds}; every answer must be a 200. */
    static Result run(HttpClient http, Supplier<URI> target, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.get()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] latencies = result.get();
            int from = all.length;
            all = Arrays.copyOf(all, from + latencies.length);
            System.arraycopy(latencies, 0, all, from, latencies.length);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (all.length == 0) {
            return new Result(0, elapsed, Double.NaN, Double.NaN);
        }
        Arrays.sort(all);
        return new Result(all.length, elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }
}
