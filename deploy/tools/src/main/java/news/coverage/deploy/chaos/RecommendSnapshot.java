package news.coverage.deploy.chaos;

import news.coverage.deploy.stack.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * What recommend answers once a run has caught up: every article's related coverage ({@code GET /related/{id}}, as
 * served) and its story, so that a run with faults can be set beside a clean run over the same input.
 *
 * @param answers the body of {@code GET /related/{id}} by article id
 * @param storyOf each article's story id, read from the read model
 * @param labels  each article's publication time and title, for the report
 */
record RecommendSnapshot(Map<String, String> answers, Map<String, String> storyOf, Map<String, String> labels) {

    /** Reads the stories from recommend's database and asks recommend for every article's answer. */
    static RecommendSnapshot take(URI recommend, Map<String, String> stack) throws Exception {
        Map<String, String> storyOf = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        try (var connection = LocalStack.connectToPostgres(stack);
             var rows = connection.createStatement()
                     .executeQuery("SELECT id, story_id, published_at, title FROM article")) {
            while (rows.next()) {
                storyOf.put(rows.getString(1), rows.getString(2));
                labels.put(rows.getString(1), rows.getString(3) + " " + rows.getString(4));
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> answers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (String id : storyOf.keySet()) {
                asked.add(clients.submit(() -> {
                    answers.put(id, answer(http, recommend.resolve("/related/" + id)));
                    return null;
                }));
            }
            for (Future<?> answer : asked) {
                answer.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new RecommendSnapshot(answers, storyOf, labels);
    }

    private static String answer(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The articles whose answer differs from the other run's, or that only one of the runs holds, sorted. */
    Set<String> answersDifferingFrom(RecommendSnapshot other) {
        Set<String> differing = new TreeSet<>();
        answers.forEach((id, answer) -> {
            if (!answer.equals(other.answers.get(id))) {
                differing.add(id);
            }
        });
        other.answers.keySet().stream().filter(id -> !answers.containsKey(id)).forEach(differing::add);
        return differing;
    }

    /**
     * The articles whose story holds other articles than in the other run (a story's id is its founder's, so the
     * stories are compared by their members), or that only one of the runs holds, sorted.
     */
    Set<String> storiesDifferingFrom(RecommendSnapshot other) {
        Map<String, Set<String>> members = membersByArticle();
        Map<String, Set<String>> otherMembers = other.membersByArticle();
        Set<String> differing = new TreeSet<>();
        members.forEach((id, story) -> {
            if (!story.equals(otherMembers.get(id))) {
                differing.add(id);
            }
        });
        otherMembers.keySet().stream().filter(id -> !members.containsKey(id)).forEach(differing::add);
        return differing;
    }

    /** The article's story as its members' labels, in order of publication. */
    List<String> storyOfArticle(String id) {
        String story = storyOf.get(id);
        return storyOf.entrySet().stream().filter(entry -> entry.getValue().equals(story))
                .map(entry -> labels.getOrDefault(entry.getKey(), "") + " (" + entry.getKey() + ")").sorted()
                .toList();
    }

    /** How many stories the articles form. */
    long stories() {
        return storyOf.values().stream().distinct().count();
    }

    private Map<String, Set<String>> membersByArticle() {
        Map<String, Set<String>> stories = storyOf.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        Map<String, Set<String>> members = new HashMap<>();
        storyOf.forEach((id, story) -> members.put(id, stories.get(story)));
        return members;
    }
}
