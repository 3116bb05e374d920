package news.coverage.recommend.related;

import news.coverage.recommend.text.TermVector;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What related coverage is asked for: an article of the read model (with {@code articleId}) or a draft.
 *
 * @param articleId      the article itself, left out of the answer; null for a draft
 * @param headline       its headline as the same-story features read it
 * @param text           the analysed title and excerpt
 * @param topics         the item's topics, held sorted: sums over them come out the same on every instance
 * @param providerDomain the item's provider, for {@code providers} and the same-provider signal; may be null
 * @param publishedAt    the centre of the time window
 * @param linkedIds      the ids the item lists as related
 */
public record RelatedQuery(String articleId, Headlines.Headline headline, TermVector text, Set<String> topics,
        String providerDomain, Instant publishedAt, Set<String> linkedIds, Options options) {

    public RelatedQuery {
        topics = Collections.unmodifiableSortedSet(new TreeSet<>(topics));
    }

    /** For an article of the read model. */
    public static RelatedQuery of(ArticleSummary article, Options options) {
        return new RelatedQuery(article.id(), article.headline(), article.text(), Set.copyOf(article.topics()),
                article.providerDomain(), article.publishedAt(), article.linkedIds(), options);
    }

    /** Whether the article shares a topic with the item; any does when the item has none. */
    public boolean sharesTopic(ArticleSummary article) {
        return topics.isEmpty() || article.topics().stream().anyMatch(topics::contains);
    }

    /** Whether the options let a candidate into the answer: inside the window, of the providers asked, not excluded. */
    boolean admits(ArticleSummary candidate) {
        boolean sameProvider = candidate.providerDomain().equals(providerDomain);
        return !candidate.id().equals(articleId) && !options.exclude().contains(candidate.id())
                && Duration.between(publishedAt, candidate.publishedAt()).abs().compareTo(options.window()) <= 0
                && switch (options.providers()) {
                    case ANY -> true;
                    case SAME -> sameProvider;
                    case OTHER -> !sameProvider;
                };
    }

    /**
     * @param limit     how many items at most
     * @param window    how far either side of the publication time
     * @param providers which providers may appear
     * @param exclude   ids that must not appear
     */
    public record Options(int limit, Duration window, ProviderFilter providers, Set<String> exclude) {
    }

    public enum ProviderFilter {
        ANY, SAME, OTHER
    }
}
