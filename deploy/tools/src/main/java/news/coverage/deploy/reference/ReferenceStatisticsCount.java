package news.coverage.deploy.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.coverage.deploy.benchmark.IngestBenchmark;
import news.coverage.recommend.related.ArticleSummary;
import news.coverage.recommend.text.ReferenceStatistics;
import news.coverage.recommend.text.TextAnalyzer;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts a reference corpus for recommend's stories ({@link ReferenceStatistics}): the items of the folders given, and
 * the other reports their related lists name (title and excerpt, without topics), each URL once.
 * <p>
 * {@code deploy/reference-statistics [output] [folder ...]}: by default the shared AI-news and Power Apps items,
 * written where recommend-service packages them.
 */
public final class ReferenceStatisticsCount {

    private ReferenceStatisticsCount() {
    }

    public static void main(String[] args) throws IOException {
        Path repository = Path.of("").toAbsolutePath();
        Path output = args.length > 0 ? Path.of(args[0])
                : repository.resolve("recommend-service/src/main/resources").resolve(ReferenceStatistics.PACKAGED);
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            folders.add(Path.of(args[i]));
        }
        if (folders.isEmpty()) {
            Path shared = repository.resolve("../shared/data/smartable");
            folders = List.of(shared.resolve("ai-news"), shared.resolve("power-apps"));
        }
        ReferenceStatistics.Counter counter = count(IngestBenchmark.samples(folders));
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(output)) {
            counter.write(out);
        }
        System.out.println("reference statistics of " + folders + " written to " + output);
    }

    static ReferenceStatistics.Counter count(List<ObjectNode> items) {
        TextAnalyzer analyzer = new TextAnalyzer();
        ReferenceStatistics.Counter counter = new ReferenceStatistics.Counter();
        Set<String> counted = new HashSet<>();
        items.forEach(item -> counted.add(url(item)));
        for (ObjectNode item : items) {
            add(counter, analyzer, item);
        }
        for (ObjectNode item : items) {
            for (JsonNode related : item.path("related")) {
                if (counted.add(url(related))) {
                    add(counter, analyzer, related);
                }
            }
        }
        return counter;
    }

    private static void add(ReferenceStatistics.Counter counter, TextAnalyzer analyzer, JsonNode item) {
        String title = item.path("title").asText(null);
        String excerpt = item.path("excerpt").asText(null);
        List<String> topics = new ArrayList<>();
        item.path("topics").forEach(topic -> topics.add(topic.asText()));
        counter.add(analyzer.analyze(title, excerpt), ArticleSummary.capitalisedTerms(title, excerpt), topics);
    }

    private static String url(JsonNode item) {
        return item.hasNonNull("webUrl") ? item.get("webUrl").asText() : item.path("originalUrl").asText();
    }
}
