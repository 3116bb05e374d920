package news.coverage.catalog.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The related-coverage box under an article as a site shows it: the same-story reports, other outlets first, each
 * with when it came out and why it is there in plain words; and, apart and labelled, more on the topic.
 *
 * @param pending     the article is new and its box may still fill: the page asks again
 * @param unavailable why there is no box at all, absent when there is one
 */
public record CoverageBox(List<Entry> sameStory, List<Entry> moreOnTopic, boolean pending, String unavailable) {

    /** How long a new article's empty box is asked for again: its neighbours arrive within seconds. */
    static final Duration FILLING = Duration.ofSeconds(60);
    /** How many items of the ranking outside the box are shown as more on the topic. */
    static final int MORE_ON_TOPIC = 5;

    /**
     * One report in the box.
     *
     * @param when       how long before or after the article
     * @param why        its reasons, each a phrase
     * @param likelihood how likely it reports the same story, in percent
     */
    public record Entry(String id, String title, String url, String outlet, String when, int likelihood,
            List<String> why, boolean sameOutlet) {
    }

    /** The box of an article from recommend-service's answer. */
    static CoverageBox of(Instant published, Instant firstSeen, RelatedCoverage coverage, Instant now) {
        List<Entry> sameStory = coverage.sameStory().stream().map(item -> entry(published, item))
                .sorted(Comparator.comparing(Entry::sameOutlet)).toList();
        List<Entry> more = coverage.items().stream().filter(item -> !item.sameStory()).limit(MORE_ON_TOPIC)
                .map(item -> entry(published, item)).toList();
        return new CoverageBox(sameStory, more, sameStory.isEmpty() && isNew(firstSeen, now), null);
    }

    /** recommend-service does not know the article yet: a new one is on its way there, an old one is missing. */
    static CoverageBox notIndexed(Instant firstSeen, Instant now) {
        boolean pending = isNew(firstSeen, now);
        return new CoverageBox(List.of(), List.of(), pending, pending ? null
                : "recommend-service does not know this article, so it has no related coverage to show");
    }

    /** recommend-service could not be asked. */
    static CoverageBox unavailable(String reason) {
        return new CoverageBox(List.of(), List.of(), false,
                "Related coverage cannot be shown right now: recommend-service did not answer (" + reason + ")");
    }

    public boolean empty() {
        return sameStory.isEmpty();
    }

    private static boolean isNew(Instant firstSeen, Instant now) {
        return firstSeen != null && firstSeen.isAfter(now.minus(FILLING));
    }

    private static Entry entry(Instant published, RelatedCoverage.RelatedItem item) {
        RelatedCoverage.Reasons reasons = item.reasons();
        boolean sameOutlet = reasons != null && reasons.sameProvider();
        return new Entry(item.id(), item.title(), item.url(), item.provider() == null ? "" : item.provider().label(),
                RelativeTime.between(published, item.publishedDateTime()),
                (int) Math.round(item.sameStoryProbability() * 100), why(item), sameOutlet);
    }

    /** The reasons of an item, in the order a reader weighs them. */
    static List<String> why(RelatedCoverage.RelatedItem item) {
        List<String> why = new ArrayList<>();
        why.add(item.sameStory()
                ? "Same story: " + percent(item.sameStoryProbability()) + " likely"
                : "Probably another story (" + percent(item.sameStoryProbability()) + " likely the same)");
        RelatedCoverage.Reasons reasons = item.reasons();
        if (reasons == null) {
            return why;
        }
        if (reasons.textSimilarity() > 0) {
            why.add("Shared words: headline and excerpt " + percent(reasons.textSimilarity()) + " alike");
        }
        if (reasons.sharedTopics() != null && !reasons.sharedTopics().isEmpty()) {
            why.add("Both about " + String.join(", ",
                    reasons.sharedTopics().stream().map(RelatedCoverage.SharedTopic::topic).toList()));
        }
        why.add("Published " + RelativeTime.apart(Duration.ofSeconds(Math.round(reasons.hoursApart() * 3600))));
        if (reasons.editorialLink()) {
            why.add("The site's editors link the two");
        }
        if (reasons.sameProvider()) {
            why.add("From the same outlet");
        }
        return why;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
    }
}
