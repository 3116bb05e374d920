package news.coverage.deploy.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fault-injection run sends, in order: distinct real items (the shared items repeated, item {@code n} with
 * {@code copy=n} on its URL, each pass over the shared items two weeks after the one before, so that its stories are
 * the real ones and not a pile of duplicates), every tenth of them by a file dropped into the object store and the
 * rest over HTTP; then, a while after their first send, updates (the same item with another excerpt) and deletions
 * of others.
 */
record ChaosPlan(List<ObjectNode> items, List<Step> steps, int updates, int deletions) {

    /** How many items later an update or a deletion of an item follows its first send. */
    static final int FOLLOW_UP_DISTANCE = 400;
    /** Items per HTTP upload and per dropped file. */
    static final int BATCH = 50;
    /** How much later each pass over the shared items is published than the one before. */
    static final Duration PASS_SHIFT = Duration.ofDays(14);

    enum Kind {
        UPLOAD, DROP, UPDATE, DELETE
    }

    /** One step: a batch of items by index (one index for a deletion). */
    record Step(Kind kind, List<Integer> indexes) {
    }

    static ChaosPlan of(List<ObjectNode> samples, int total, int updates, int deletions) {
        List<ObjectNode> items = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            ObjectNode item = samples.get(i % samples.size()).deepCopy();
            String field = item.hasNonNull("webUrl") ? "webUrl" : "originalUrl";
            String url = item.get(field).asText();
            item.put(field, url + (url.contains("?") ? "&" : "?") + "copy=" + i);
            item.remove(List.of("ampWebUrl", "cdnAmpWebUrl"));
            item.put("publishedDateTime", Instant.parse(item.get("publishedDateTime").asText())
                    .plus(PASS_SHIFT.multipliedBy(i / samples.size())).toString());
            items.add(item);
        }
        // updated and deleted items are spread over the input and never the same
        int updateEvery = Math.max(1, total / Math.max(1, updates));
        int deleteEvery = Math.max(1, total / Math.max(1, deletions));
        List<Step> steps = new ArrayList<>();
        List<List<Integer>> followUps = new ArrayList<>();
        for (int i = 0; i < total + BATCH + FOLLOW_UP_DISTANCE; i++) {
            followUps.add(new ArrayList<>());
        }
        int updated = 0;
        int deleted = 0;
        for (int start = 0; start < total; start += BATCH) {
            List<Integer> batch = new ArrayList<>();
            for (int i = start; i < Math.min(total, start + BATCH); i++) {
                batch.add(i);
                if (i % updateEvery == updateEvery / 2 && updated < updates) {
                    followUps.get(i + FOLLOW_UP_DISTANCE).add(i);
                    updated++;
                } else if (i % deleteEvery == deleteEvery / 3 && deleted < deletions) {
                    followUps.get(i + FOLLOW_UP_DISTANCE).add(-1 - i);
                    deleted++;
                }
            }
            steps.add(new Step((start / BATCH) % 10 == 9 ? Kind.DROP : Kind.UPLOAD, batch));
            addFollowUps(followUps.subList(start, start + BATCH), steps);
        }
        // the follow-ups of the last items, after the last batch
        int afterLastBatch = (total + BATCH - 1) / BATCH * BATCH;
        addFollowUps(followUps.subList(afterLastBatch, total + FOLLOW_UP_DISTANCE), steps);
        return new ChaosPlan(items, steps, updated, deleted);
    }

    /** The follow-ups due at these positions: each deletion a step, the updates together in one. */
    private static void addFollowUps(List<List<Integer>> due, List<Step> steps) {
        List<Integer> updates = new ArrayList<>();
        for (List<Integer> followUps : due) {
            for (int followUp : followUps) {
                if (followUp >= 0) {
                    updates.add(followUp);
                } else {
                    steps.add(new Step(Kind.DELETE, List.of(-1 - followUp)));
                }
            }
        }
        if (!updates.isEmpty()) {
            steps.add(new Step(Kind.UPDATE, updates));
        }
    }

    /** How the item was first sent: by upload or by a dropped file. */
    Kind sentBy(int index) {
        return steps.stream().filter(step -> step.kind() == Kind.UPLOAD || step.kind() == Kind.DROP)
                .filter(step -> step.indexes().contains(index)).findFirst().orElseThrow().kind();
    }

    /** The item as an update sends it: its excerpt changed. */
    ObjectNode updated(int index) {
        ObjectNode item = items.get(index).deepCopy();
        item.put("excerpt", item.path("excerpt").asText("") + " (updated)");
        return item;
    }

    /** The URL that tells the copy of an item apart, as the catalog stores it in {@code item.webUrl}. */
    String url(int index) {
        ObjectNode item = items.get(index);
        return item.hasNonNull("webUrl") ? item.get("webUrl").asText() : item.get("originalUrl").asText();
    }
}
