package news.coverage.deploy.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import news.coverage.deploy.testing.JwtIssuer;
import news.coverage.deploy.testing.SmartableItems;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Measures related coverage on judged real data. Loads a folder of SmartableAI items through the real path (ingest
 * over HTTP → Kafka → catalog → Kafka → recommend, all packaged services against the real infrastructure), with the
 * editorial-link signal off because the items' related lists are one of the answer keys, then asks
 * {@code GET /related/{id}} for each item and scores the answers, beside Lucene MoreLikeThis over the same items:
 * <ul>
 * <li>against the graded judgments: nDCG@10 (gain = grade), P@5 (share of the top 5 graded ≥ 1), S@5 (graded 2),
 * both normalised by min(5, number of such items);</li>
 * <li>against the site's related lists: recall@20 normalised by min(20, |R|) and MRR, R the listed items present in
 * the folder.</li>
 * </ul>
 * It also prints the stories the items were grouped into ({@code GET /stories?articleId=}) and how they agree with
 * the judgments: how many judged pairs of each grade share a story.
 * The same three judged measures follow on the rankings with their unjudged results left out, and the unjudged results
 * of both top 10s are written out for judging.
 * Usage: {@code RelatedEvaluation [folder] [qrels ...]}, from the repository root after a package build; several qrels
 * files are read as one pool.
 */
public final class RelatedEvaluation {

    private static final Duration WINDOW = Duration.ofDays(7);
    private static final int DEPTH = 20;
    /** How much of each answer is printed, as nDCG@10 reads it. */
    private static final int DEPTH_SHOWN = 10;
    /** recommend's related.same-story.threshold, for the box of the cross-validated weights. */
    private static final double BOX_THRESHOLD = 0.6;
    private static final Duration STATISTICS_SETTLE = Duration.ofSeconds(6);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/smartable/ai-news").toAbsolutePath();
        List<Path> qrels = args.length > 1 ? Arrays.stream(args, 1, args.length).map(Path::of).toList()
                : List.of(Path.of("../shared/data/smartable/judged/qrels-dev.tsv"));
        new RelatedEvaluation().run(repository, folder, Judgments.read(qrels));
    }

    private void run(Path repository, Path folder, Judgments judgments) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        List<EvaluatedItem> items = new ArrayList<>();
        for (Path file : files) {
            items.add(read(file));
        }
        Path work = Files.createTempDirectory(repository.resolve("target"), "related-evaluation");
        Map<String, List<String>> ours = new LinkedHashMap<>();
        Map<String, Set<String>> siteLists = new LinkedHashMap<>();
        Map<String, String> storyOf = new LinkedHashMap<>();
        Map<String, List<BoxEvaluation.Answered>> boxes = new LinkedHashMap<>();
        try (LocalStack stack = LocalStack.forTests().withAll()) {
            JwtIssuer issuer = JwtIssuer.forTests();
            Map<String, String> environment = new HashMap<>(stack.settings());
            environment.putAll(issuer.serviceEnvironment());
            environment.put("RELATED_WEIGHTS_EDITORIAL", "0");
            Map<String, Integer> ports = new HashMap<>();
            CoverageServices.NAMES.forEach(name -> ports.put(name, FreePort.find()));
            try (CoverageServices services = CoverageServices.start(repository, ports, environment, work)) {
                URI ingest = services.get("ingest-service").url();
                URI catalog = services.get("catalog-service").url();
                URI recommend = services.get("recommend-service").url();
                String token = issuer.token("evaluation", Duration.ofHours(1), "ingest");
                Map<String, String> idOfFile = new LinkedHashMap<>();
                for (Path file : files) {
                    idOfFile.put(file.getFileName().toString(), ingest(ingest, token, file));
                }
                Map<String, String> fileOfId = new HashMap<>();
                idOfFile.forEach((file, id) -> fileOfId.put(id, file));
                awaitProjected(recommend, idOfFile.values());
                // the service re-reads its term and topic statistics every 5 s (related.statistics-refresh): measure
                // answers once they count every item, as they would in a catalog that is not being loaded from empty
                Thread.sleep(STATISTICS_SETTLE.toMillis());
                for (var entry : idOfFile.entrySet()) {
                    JsonNode answer = get(recommend.resolve("/related/" + entry.getValue() + "?limit=" + DEPTH
                            + "&window=" + WINDOW));
                    List<String> ranked = new ArrayList<>();
                    List<BoxEvaluation.Answered> answered = new ArrayList<>();
                    answer.path("items").forEach(item -> {
                        String file = fileOfId.getOrDefault(item.path("id").asText(), "?");
                        ranked.add(file);
                        Map<String, Double> features = new LinkedHashMap<>();
                        item.path("reasons").path("sameStoryFeatures").fields()
                                .forEachRemaining(feature -> features.put(feature.getKey(), feature.getValue().asDouble()));
                        answered.add(new BoxEvaluation.Answered(file, item.path("score").asDouble(),
                                item.path("sameStoryProbability").asDouble(),
                                item.path("sameStory").asBoolean(), features));
                    });
                    ours.put(entry.getKey(), ranked);
                    boxes.put(entry.getKey(), answered);
                    Set<String> listed = new HashSet<>();
                    get(catalog.resolve("/articles/" + entry.getValue())).path("related").forEach(related -> {
                        String file = fileOfId.get(related.path("id").asText());
                        if (file != null && !file.equals(entry.getKey())) {
                            listed.add(file);
                        }
                    });
                    siteLists.put(entry.getKey(), listed);
                    storyOf.put(entry.getKey(),
                            get(recommend.resolve("/stories?articleId=" + entry.getValue())).path("id").asText());
                }
            }
        }
        Map<String, List<String>> baseline = new LinkedHashMap<>();
        try (MoreLikeThisBaseline moreLikeThis = new MoreLikeThisBaseline(items)) {
            for (EvaluatedItem item : items) {
                baseline.put(item.file(), moreLikeThis.related(item.file(), WINDOW, DEPTH));
            }
        }
        Map<String, EvaluatedItem> byFile = new HashMap<>();
        items.forEach(item -> byFile.put(item.file(), item));
        printJudged("news.coverage", ours, judgments, byFile);
        printStories(storyOf, judgments, byFile);
        System.out.printf("%nRelated coverage of %d items of %s, editorial links off, window ±%s, depth %d%n",
                items.size(), folder.normalize(), WINDOW.toDays() + " days", DEPTH);
        System.out.printf("%-14s %-16s %-16s %-16s %-18s %-16s %-16s%n", "ranking", "nDCG@10", "P@5", "S@5",
                "site recall@20", "site MRR", "unjudged@10");
        // the ranking puts the box first, and the box rests on learned weights: measured again with the box of
        // weights that did not see the query
        BoxEvaluation.CrossValidation validation = BoxEvaluation.CrossValidation.of(boxes, judgments);
        Map<String, List<String>> crossValidated = validation.boxFirst(boxes, BOX_THRESHOLD);
        summary("news.coverage", ours, judgments, siteLists);
        summary("cross-valid.", crossValidated, judgments, siteLists);
        summary("MoreLikeThis", baseline, judgments, siteLists);
        System.out.printf("%nOn the judged results alone (unjudged ones left out of each ranking):%n");
        System.out.printf("%-14s %-16s %-16s %-16s%n", "ranking", "nDCG@10", "P@5", "S@5");
        judgedOnly("news.coverage", ours, judgments);
        judgedOnly("cross-valid.", crossValidated, judgments);
        judgedOnly("MoreLikeThis", baseline, judgments);
        System.out.printf("(cross-valid.: the same answers with the box of leave-one-query-out weights first)%n");
        BoxEvaluation.print(boxes, judgments, validation, file -> describe(byFile.get(file)), BOX_THRESHOLD,
                repository.resolve("target/same-story-weights.properties"));
        Path toJudge = repository.resolve("target/related-evaluation-unjudged.tsv");
        Files.write(toJudge, unjudged(judgments, DEPTH_SHOWN, ours, baseline));
        System.out.printf("The unjudged results of either top %d, to be graded for a fuller pool (add the grade as a "
                + "third column and pass the file after the qrels): %s%n", DEPTH_SHOWN, repository.relativize(toJudge));
    }

    /** Query and result of every unjudged result in the top {@code depth} of any of the rankings, each pair once. */
    @SafeVarargs
    private static List<String> unjudged(Judgments judgments, int depth, Map<String, List<String>>... rankings) {
        Set<String> pairs = new LinkedHashSet<>();
        judgments.byQuery().forEach((query, grades) -> {
            for (Map<String, List<String>> ranking : rankings) {
                ranking.getOrDefault(query, List.of()).stream().limit(depth)
                        .filter(file -> !grades.containsKey(file))
                        .forEach(file -> pairs.add(query + "\t" + file));
            }
        });
        return List.copyOf(pairs);
    }

    private static void summary(String name, Map<String, List<String>> ranked, Judgments judgments,
            Map<String, Set<String>> siteLists) {
        List<String> measures = new ArrayList<>(List.of(name));
        measures.addAll(judgedMeasures(ranked, judgments));
        measures.add(RankingMetrics.mean(siteLists.entrySet().stream()
                .map(entry -> RankingMetrics.recall(ranked.get(entry.getKey()), entry.getValue(), DEPTH)).toList()));
        measures.add(RankingMetrics.mean(siteLists.entrySet().stream()
                .map(entry -> RankingMetrics.reciprocalRank(ranked.get(entry.getKey()), entry.getValue())).toList()));
        // unjudged results count as 0 above: their share says how far the figures rest on the pool
        measures.add(judged(ranked, judgments, (list, grades) -> RankingMetrics.unjudged(list, grades, DEPTH_SHOWN)));
        System.out.printf("%-14s %-16s %-16s %-16s %-18s %-16s %-16s%n", measures.toArray());
    }

    /**
     * The judged measures on the rankings with their unjudged results left out: how well each orders what the judges
     * saw, which the measures of {@link #summary} mix with how much of its top lies inside their pool.
     */
    private static void judgedOnly(String name, Map<String, List<String>> ranked, Judgments judgments) {
        Map<String, List<String>> condensed = new LinkedHashMap<>();
        judgments.byQuery().forEach((query, grades) -> condensed.put(query,
                RankingMetrics.condensed(ranked.getOrDefault(query, List.of()), grades)));
        List<String> measures = new ArrayList<>(List.of(name));
        measures.addAll(judgedMeasures(condensed, judgments));
        System.out.printf("%-14s %-16s %-16s %-16s%n", measures.toArray());
    }

    /** nDCG@10, P@5 and S@5 over the judged queries. */
    private static List<String> judgedMeasures(Map<String, List<String>> ranked, Judgments judgments) {
        return List.of(judged(ranked, judgments, (list, grades) -> RankingMetrics.ndcg(list, grades, 10)),
                judged(ranked, judgments, (list, grades) -> RankingMetrics.precision(list, grades, 5, 1)),
                judged(ranked, judgments, (list, grades) -> RankingMetrics.precision(list, grades, 5, 2)));
    }

    private static String judged(Map<String, List<String>> ranked, Judgments judgments,
            BiFunction<List<String>, Map<String, Integer>, OptionalDouble> measure) {
        return RankingMetrics.mean(judgments.byQuery().entrySet().stream()
                .map(entry -> measure.apply(ranked.getOrDefault(entry.getKey(), List.of()), entry.getValue())).toList());
    }

    /** Every judged query's top 10 with grades, "?" for unjudged results, so that they can be looked at. */
    private static void printJudged(String name, Map<String, List<String>> ranked, Judgments judgments,
            Map<String, EvaluatedItem> items) {
        System.out.println("Top 10 of " + name + " for each judged item (grade, or ? when unjudged):");
        judgments.byQuery().forEach((query, grades) -> {
            System.out.println("## " + describe(items.get(query)));
            ranked.getOrDefault(query, List.of()).stream().limit(DEPTH_SHOWN).forEach(file -> System.out.println("   "
                    + (grades.containsKey(file) ? grades.get(file).toString() : "?") + " " + describe(items.get(file))));
        });
    }

    /**
     * The stories of more than one item, then how many judged pairs of each grade share a story: of grade 2 (same
     * story) as many as possible, of grades 0 and 1 as few.
     */
    private static void printStories(Map<String, String> storyOf, Judgments judgments, Map<String, EvaluatedItem> items) {
        Map<String, List<String>> stories = new LinkedHashMap<>();
        storyOf.forEach((file, story) -> stories.computeIfAbsent(story, key -> new ArrayList<>()).add(file));
        System.out.printf("%nStories of more than one item (%d stories of %d items in all):%n", stories.size(),
                storyOf.size());
        stories.values().stream().filter(files -> files.size() > 1).forEach(files -> {
            System.out.println("## " + files.size() + " items");
            files.forEach(file -> System.out.println("   " + describe(items.get(file))));
        });
        int[] pairs = new int[3];
        int[] together = new int[3];
        judgments.byQuery().forEach((query, grades) -> grades.forEach((file, grade) -> {
            pairs[grade]++;
            if (storyOf.get(query) != null && storyOf.get(query).equals(storyOf.get(file))) {
                together[grade]++;
            }
        }));
        System.out.printf("Judged pairs in one story: grade 2 %d of %d, grade 1 %d of %d, grade 0 %d of %d "
                + "(same-story precision %.2f, recall %.2f)%n", together[2], pairs[2], together[1], pairs[1],
                together[0], pairs[0], together[2] / (double) Math.max(1, together[0] + together[1] + together[2]),
                together[2] / (double) Math.max(1, pairs[2]));
        double[] bCubed = RankingMetrics.bCubed(storyOf, judgments);
        System.out.printf("Stories against the judged same-story pairs, B-cubed: precision %.3f, recall %.3f, F1 %.3f%n",
                bCubed[0], bCubed[1], 2 * bCubed[0] * bCubed[1] / (bCubed[0] + bCubed[1]));
    }

    private static String describe(EvaluatedItem item) {
        return item == null ? "(not in the folder)" : item.publishedAt().toString().substring(0, 10) + " " + item.title();
    }

    private static EvaluatedItem read(Path file) throws IOException {
        JsonNode front = SmartableItems.read(Files.readString(file));
        return new EvaluatedItem(file.getFileName().toString(), front.path("title").asText(),
                front.path("excerpt").asText(""), Instant.parse(front.path("publishedDateTime").asText()));
    }

    private String ingest(URI ingest, String token, Path file) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/items"))
                .header("Content-Type", "text/markdown")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException(file.getFileName() + " was not accepted: " + response.body());
        }
        return json.readTree(response.body()).path("id").asText();
    }

    /** Items travel ingest → catalog → recommend; every one must be answerable before the measuring starts. */
    private void awaitProjected(URI recommend, Iterable<String> ids) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        for (String id : ids) {
            while (http.send(HttpRequest.newBuilder(recommend.resolve("/related/" + id)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("article " + id + " did not reach the read model in time");
                }
                Thread.sleep(100);
            }
        }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
