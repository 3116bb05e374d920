package news.coverage.recommend.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Term and topic counts of a fixed reference corpus: the statistics stories are judged by. Unlike the read model's
 * own ({@link CorpusStatistics}), which move with every batch, they do not depend on what has arrived so far, so an
 * article's story depends on the articles alone, not on when it was judged (after a restart, in another run).
 * <p>
 * A term the reference never saw counts as carried by one article that writes it capitalised: a new name is rare.
 * A topic it never saw, likewise as carried by one article.
 * <p>
 * Written and read as lines of tab-separated fields: {@code articles N}, {@code topic-articles M},
 * {@code term <term> <articles carrying it> <articles writing it capitalised>} and
 * {@code topic <topic> <articles carrying it>}.
 */
public final class ReferenceStatistics implements TermCounts {

    /** The class-path resource of the statistics packaged with the service (the shared AI-news and Power Apps items). */
    public static final String PACKAGED = "news/coverage/recommend/story/reference-statistics.tsv";

    private final int articles;
    private final int topicArticles;
    /** Per term: how many articles carry it, and how many write it capitalised. */
    private final Map<String, int[]> terms;
    private final Map<String, Integer> topics;

    private ReferenceStatistics(int articles, int topicArticles, Map<String, int[]> terms,
            Map<String, Integer> topics) {
        this.articles = articles;
        this.topicArticles = topicArticles;
        this.terms = terms;
        this.topics = topics;
    }

    @Override
    public int articles() {
        return articles;
    }

    @Override
    public int articlesWithTerm(String term) {
        int[] counts = terms.get(term);
        return counts == null ? 1 : counts[0];
    }

    @Override
    public int articlesCapitalising(String term) {
        int[] counts = terms.get(term);
        return counts == null ? 1 : counts[1];
    }

    /** The IDF weight of a topic, ln(1 + M / articles carrying it) over the M articles with topics. */
    public double topicWeight(String topic) {
        return Math.log(1 + (double) topicArticles / topics.getOrDefault(topic, 1));
    }

    /** The statistics of the file, or without one those packaged with the service. */
    public static ReferenceStatistics load(Optional<String> file) {
        try (Reader reader = file.isPresent() ? Files.newBufferedReader(Path.of(file.get()))
                : new InputStreamReader(Objects.requireNonNull(Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(PACKAGED), PACKAGED), StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("reference statistics unreadable: " + file.orElse(PACKAGED), e);
        }
    }

    public static ReferenceStatistics read(Reader source) {
        int articles = 0, topicArticles = 0;
        Map<String, int[]> terms = new TreeMap<>();
        Map<String, Integer> topics = new TreeMap<>();
        try {
            BufferedReader lines = new BufferedReader(source);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t");
                switch (fields[0]) {
                    case "articles" -> articles = Integer.parseInt(fields[1]);
                    case "topic-articles" -> topicArticles = Integer.parseInt(fields[1]);
                    case "term" -> terms.put(fields[1].intern(),
                            new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])});
                    case "topic" -> topics.put(fields[1].intern(), Integer.parseInt(fields[2]));
                    default -> throw new IllegalArgumentException("not a line of reference statistics: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reference statistics unreadable", e);
        }
        if (articles == 0) {
            throw new IllegalArgumentException("reference statistics without articles");
        }
        return new ReferenceStatistics(articles, topicArticles, terms, topics);
    }

    /** Counts the articles of a reference corpus, and writes what it counted for {@link #read}. */
    public static final class Counter {

        private int articles;
        private int topicArticles;
        private final Map<String, int[]> terms = new TreeMap<>();
        private final Map<String, Integer> topics = new TreeMap<>();

        /**
         * Counts an article.
         *
         * @param text        its analysed text ({@link TextAnalyzer})
         * @param capitalised the terms it writes capitalised where case tells
         * @param articleTopics its topics, none if it has none (then it does not count for topic weights)
         */
        public Counter add(TermVector text, String[] capitalised, Collection<String> articleTopics) {
            articles++;
            for (String term : text.terms()) {
                terms.computeIfAbsent(term, absent -> new int[2])[0]++;
            }
            for (String term : capitalised) {
                terms.computeIfAbsent(term, absent -> new int[2])[1]++;
            }
            if (!articleTopics.isEmpty()) {
                topicArticles++;
                articleTopics.stream().distinct().forEach(topic -> topics.merge(topic, 1, Integer::sum));
            }
            return this;
        }

        public ReferenceStatistics statistics() {
            return new ReferenceStatistics(articles, topicArticles, Map.copyOf(terms), Map.copyOf(topics));
        }

        public void write(Writer out) throws IOException {
            out.write("articles\t" + articles + "\n");
            out.write("topic-articles\t" + topicArticles + "\n");
            for (var term : terms.entrySet()) {
                out.write("term\t" + term.getKey() + "\t" + term.getValue()[0] + "\t" + term.getValue()[1] + "\n");
            }
            for (var topic : topics.entrySet()) {
                out.write("topic\t" + topic.getKey() + "\t" + topic.getValue() + "\n");
            }
        }
    }
}
