package news.coverage.recommend.text;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many articles carry each term and each topic, and how many there are: the statistics that weight terms and
 * topics, kept by each instance for the articles it holds (the whole read model), so that no row is written for them
 * by every article. Counts change only through {@link #add} and {@link #remove}; reads may run alongside.
 */
public final class CorpusStatistics implements TermCounts {

    private final Map<String, AtomicInteger> terms = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> topics = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> capitalised = new ConcurrentHashMap<>();
    private final AtomicInteger articles = new AtomicInteger();

    /** Counts an article with these distinct terms and topics, writing the {@code capitalisedTerms} capitalised. */
    public void add(String[] articleTerms, Collection<String> articleTopics, String[] capitalisedTerms) {
        articles.incrementAndGet();
        for (String term : articleTerms) {
            increment(terms, term);
        }
        for (String topic : articleTopics) {
            increment(topics, topic);
        }
        for (String term : capitalisedTerms) {
            increment(capitalised, term);
        }
    }

    /** Stops counting an article counted by {@link #add} with these terms, topics and capitalised terms. */
    public void remove(String[] articleTerms, Collection<String> articleTopics, String[] capitalisedTerms) {
        articles.decrementAndGet();
        for (String term : articleTerms) {
            decrement(terms, term);
        }
        for (String topic : articleTopics) {
            decrement(topics, topic);
        }
        for (String term : capitalisedTerms) {
            decrement(capitalised, term);
        }
    }

    private static void increment(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, absent -> new AtomicInteger()).incrementAndGet();
    }

    private static void decrement(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** How many articles are counted. */
    @Override
    public int articles() {
        return articles.get();
    }

    /** How many counted articles carry the term. */
    @Override
    public int articlesWithTerm(String term) {
        AtomicInteger count = terms.get(term);
        return count == null ? 0 : count.get();
    }

    /** How many counted articles write the term capitalised where case tells. */
    @Override
    public int articlesCapitalising(String term) {
        AtomicInteger count = capitalised.get(term);
        return count == null ? 0 : count.get();
    }

    /** How many counted articles carry the topic. */
    public int articlesWithTopic(String topic) {
        AtomicInteger count = topics.get(topic);
        return count == null ? 0 : count.get();
    }

    /** The IDF weight of a topic, ln(1 + N / articles carrying it); 0 for a topic no article carries. */
    public double topicWeight(String topic) {
        int carrying = articlesWithTopic(topic);
        return carrying == 0 ? 0 : Math.log(1 + (double) articles() / carrying);
    }
}
