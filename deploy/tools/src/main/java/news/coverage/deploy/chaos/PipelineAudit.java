package news.coverage.deploy.chaos;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import news.coverage.deploy.stack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the pipeline holds after a run, against what was sent: the catalog (MongoDB), recommend's read model
 * (PostgreSQL), the dead-letter topics and the consumers' lag, read from the stores and the broker themselves.
 */
public final class PipelineAudit {

    /** One line of the report. */
    public record Check(String what, String expected, String found, boolean passed) {
    }

    /** Each consumer group and the topic it reads. */
    static final Map<String, String> CONSUMERS = Map.of("catalog-service", "articles.ingested",
            "recommend-service", "articles.cataloged", "ingest-service", "storage.events");
    static final List<String> DEAD_LETTERS = List.of("articles.rejected", "articles.dlq", "storage.events.dlq",
            "articles.cataloged.dlq");
    private static final Pattern COPY = Pattern.compile("[?&]copy=(\\d+)");

    private final Map<String, String> stack;

    PipelineAudit(Map<String, String> stack) {
        this.stack = stack;
    }

    /** Waits until every consumer has read all there is to read and recommend holds what the catalog holds. */
    boolean awaitCatchUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int quietChecks = 0;
        int round = 0;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> lag = lag();
            Set<String> catalog = catalog().keySet();
            Set<String> readModel = readModel().keySet();
            boolean caughtUp = lag.values().stream().allMatch(behind -> behind == 0) && catalog.equals(readModel);
            quietChecks = caughtUp ? quietChecks + 1 : 0;
            if (quietChecks == 2) {
                return true;
            }
            if (++round % 5 == 0) {
                System.out.printf("  still behind: lag %s, catalog %d, read model %d%n", lag, catalog.size(),
                        readModel.size());
            }
            Thread.sleep(2000);
        }
        return false;
    }

    List<Check> audit(ChaosPlan plan, ChaosLoad load) throws Exception {
        Set<Integer> updated = new HashSet<>();
        Set<Integer> deleted = new HashSet<>();
        plan.steps().forEach(step -> {
            if (step.kind() == ChaosPlan.Kind.UPDATE) {
                updated.addAll(step.indexes());
            } else if (step.kind() == ChaosPlan.Kind.DELETE) {
                deleted.addAll(step.indexes());
            }
        });
        Map<String, Document> catalog = catalog();
        Map<Integer, List<Document>> byCopy = new HashMap<>();
        List<String> strangers = new ArrayList<>();
        for (Document document : catalog.values()) {
            Matcher copy = COPY.matcher(document.getString("canonicalUrl"));
            if (copy.find()) {
                byCopy.computeIfAbsent(Integer.parseInt(copy.group(1)), index -> new ArrayList<>()).add(document);
            } else {
                strangers.add(document.getString("_id"));
            }
        }
        int missing = 0;
        int doubled = 0;
        List<Integer> stale = new ArrayList<>();
        List<Integer> undeleted = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            List<Document> copies = byCopy.getOrDefault(i, List.of());
            if (deleted.contains(i)) {
                if (!copies.isEmpty()) {
                    undeleted.add(i);
                }
                continue;
            }
            if (copies.isEmpty()) {
                missing++;
                continue;
            }
            doubled += copies.size() > 1 ? 1 : 0;
            String excerpt = (updated.contains(i) ? plan.updated(i) : plan.items().get(i)).path("excerpt").asText("");
            if (!excerpt.equals(copies.get(0).get("item", Document.class).getString("excerpt"))) {
                stale.add(i);
            }
        }
        long canonicalUrls = catalog.values().stream().map(document -> document.getString("canonicalUrl"))
                .distinct().count();
        int expected = plan.items().size() - deleted.size();

        Map<String, String> catalogVersions = catalog.values().stream()
                .collect(Collectors.toMap(document -> document.getString("_id"),
                        document -> document.getString("version"), (a, b) -> a, TreeMap::new));
        Map<String, String> readModel = readModel();
        long notInReadModel = catalogVersions.keySet().stream().filter(id -> !readModel.containsKey(id)).count();
        long notInCatalog = readModel.keySet().stream().filter(id -> !catalogVersions.containsKey(id)).count();
        long otherVersion = catalogVersions.entrySet().stream()
                .filter(entry -> readModel.containsKey(entry.getKey())
                        && !readModel.get(entry.getKey()).equals(entry.getValue()))
                .count();
        Map<String, Long> lag = lag();
        Map<String, Long> deadLetters = deadLetters();

        List<Check> checks = new ArrayList<>();
        checks.add(new Check("catalog: every accepted item, once", expected + " articles",
                catalog.size() + " articles: " + missing + " missing, " + doubled + " doubled",
                missing == 0 && doubled == 0 && catalog.size() == expected));
        checks.add(new Check("catalog: one article per canonical URL", catalog.size() + " URLs",
                canonicalUrls + " URLs", canonicalUrls == catalog.size()));
        checks.add(new Check("catalog: the latest version of each", updated.size() + " updated",
                stale.size() + " stale" + examples(stale, plan, load), stale.isEmpty()));
        checks.add(new Check("catalog: every deleted one gone", deleted.size() + " deleted",
                undeleted.size() + " still there" + examples(undeleted, plan, load), undeleted.isEmpty()));
        checks.add(new Check("catalog: nothing else", "0 others", strangers.size() + " others", strangers.isEmpty()));
        checks.add(new Check("recommend: the catalog's articles at the same versions", catalog.size() + " articles",
                readModel.size() + " rows: " + notInReadModel + " missing, " + notInCatalog + " extra, " + otherVersion
                        + " at another version", notInReadModel == 0 && notInCatalog == 0 && otherVersion == 0));
        checks.add(new Check("dead-letter topics empty", "0 records", deadLetters.toString(),
                deadLetters.values().stream().allMatch(count -> count == 0)));
        checks.add(new Check("consumer lag", "0", lag.toString(), lag.values().stream().allMatch(count -> count == 0)));
        checks.add(new Check("items ingest rejected", "0", Long.toString(load.rejectedItems.get()),
                load.rejectedItems.get() == 0));
        long requests = load.uploadRequests.get();
        checks.add(new Check("uploads answered 503 (sent again)", "retrying completes the set",
                String.format("%d of %d requests (%.1f%%), %d unanswered", load.answered503.get(), requests,
                        100.0 * load.answered503.get() / Math.max(1, requests), load.unanswered.get()),
                missing == 0));
        return checks;
    }

    /** recommend after the run with faults against recommend after a clean run of the same input. */
    static List<Check> againstCleanRun(RecommendSnapshot faulty, RecommendSnapshot clean) {
        Set<String> answers = faulty.answersDifferingFrom(clean);
        Set<String> stories = faulty.storiesDifferingFrom(clean);
        return List.of(
                new Check("recommend: every answer as in a clean run", clean.answers().size() + " equal answers",
                        answers.size() + " of " + faulty.answers().size() + " differ" + first(answers),
                        answers.isEmpty()),
                new Check("recommend: every story as in a clean run",
                        clean.stories() + " stories of " + clean.storyOf().size() + " articles",
                        faulty.stories() + " stories; " + stories.size() + " articles with other members"
                                + first(stories), stories.isEmpty()));
    }

    /** The stories of the first articles whose stories differ, in each run, member by member. */
    static String storiesApart(RecommendSnapshot faulty, RecommendSnapshot clean, int count) {
        StringBuilder report = new StringBuilder();
        faulty.storiesDifferingFrom(clean).stream().limit(count).forEach(id -> {
            report.append("  ").append(id).append(" with faults:\n");
            faulty.storyOfArticle(id).forEach(member -> report.append("    ").append(member).append('\n'));
            report.append("  in the clean run:\n");
            clean.storyOfArticle(id).forEach(member -> report.append("    ").append(member).append('\n'));
        });
        return report.toString();
    }

    private static String first(Set<String> ids) {
        return ids.isEmpty() ? "" : " " + ids.stream().limit(3).toList();
    }

    /** A few of the items at fault: how each was first sent, and when its update or deletion was answered. */
    private static String examples(List<Integer> indexes, ChaosPlan plan, ChaosLoad load) {
        return indexes.isEmpty() ? "" : " " + indexes.stream().limit(5)
                .map(i -> "#" + i + " (" + plan.sentBy(i) + ", followed up " + load.followedUpAt.get(i) + ")")
                .toList();
    }

    /** The catalog's articles by id, read from MongoDB. */
    Map<String, Document> catalog() {
        try (var mongo = MongoClients.create(stack.get(LocalStack.MONGODB_URI))) {
            Map<String, Document> articles = new HashMap<>();
            mongo.getDatabase("catalog").getCollection("articles")
                    .find().projection(Projections.include("canonicalUrl", "version", "item.excerpt"))
                    .forEach(document -> articles.put(document.getString("_id"), document));
            return articles;
        }
    }

    /** recommend's read model: each article's version by id. */
    Map<String, String> readModel() throws Exception {
        try (var connection = LocalStack.connectToPostgres(stack);
             var rows = connection.createStatement().executeQuery("SELECT id, version FROM article")) {
            Map<String, String> versions = new HashMap<>();
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getString(2));
            }
            return versions;
        } catch (java.sql.SQLException e) {
            return Map.of(); // not created yet, or the database is stopped
        }
    }

    /** Each consumer group's records not read yet. */
    Map<String, Long> lag() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> lag = new TreeMap<>();
            for (var consumer : CONSUMERS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumer.getKey())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = endOffsets(admin, consumer.getValue());
                long behind = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    behind += end.getValue() - (offset == null ? 0 : offset.offset());
                }
                lag.put(consumer.getKey(), behind);
            }
            return lag;
        }
    }

    Map<String, Long> deadLetters() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> counts = new TreeMap<>();
            for (String topic : DEAD_LETTERS) {
                counts.put(topic, endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum());
            }
            return counts;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Set<String> topics = admin.listTopics().names().get();
        if (!topics.contains(topic)) {
            return Map.of();
        }
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                partition -> new TopicPartition(topic, partition.partition()), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.get(LocalStack.KAFKA_BOOTSTRAP_SERVERS), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000));
    }

    static Function<Check, String> row() {
        return check -> String.format("| %s | %s | %s | %s |", check.what(), check.expected(), check.found(),
                check.passed() ? "pass" : "FAIL");
    }
}
