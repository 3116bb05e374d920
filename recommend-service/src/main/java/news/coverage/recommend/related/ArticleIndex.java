package news.coverage.recommend.related;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.coverage.recommend.text.CorpusStatistics;
import news.coverage.recommend.text.TextSimilarity;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every article of the read model, held in memory by each instance: its summary, a Lucene index of its terms, topics
 * and time for candidate retrieval, the term and topic statistics, who links to it and the members of its story. It is
 * derived from PostgreSQL ({@code ReadModelFeed} loads it and follows every instance's writes), so it holds nothing
 * the database does not. Changes are applied one batch at a time; answers read alongside and see a batch once it is
 * applied in full.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final String ID = "id";
    private static final String TERM = "term";
    private static final String TOPIC = "topic";
    private static final String PUBLISHED = "published";
    /** The same times as points, which tell a search which segments to pass by ({@link PublishedWindow}). */
    private static final String PUBLISHED_POINTS = "published_points";
    /** The article's number, by which a hit finds its id. */
    private static final String NUMBER = "number";
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            new SortField(ID, SortField.Type.STRING));


    private final Map<String, ArticleSummary> articles = new ConcurrentHashMap<>();
    /** The ids of the articles listing each id as related, for links in the other direction. */
    private final Map<String, Set<String>> linkedBy = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> storyMembers = new ConcurrentHashMap<>();
    /** The articles in the order in which stories are made of them: by publication time, then id. */
    private final ConcurrentSkipListMap<Published, ArticleSummary> byTime = new ConcurrentSkipListMap<>();
    private final CorpusStatistics statistics = new CorpusStatistics();
    private final TextSimilarity similarity;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReaderTermStates termStates = new ReaderTermStates();
    /**
     * A number for each id ever put, kept when the article changes: a hit reads its document's number and finds the
     * id here, which costs less than reading the id from doc values (a compressed block for every hit).
     */
    private final Map<String, Integer> numbers = new HashMap<>();
    private volatile String[] idsByNumber = new String[1024];
    /**
     * What the pairs' signals read of each article under the current statistics, by id, as answers compute them; none
     * while a batch changes the statistics, and a fresh map after it.
     */
    private volatile Map<String, ArticleVectors> vectors = new ConcurrentHashMap<>();

    @Inject
    public ArticleIndex(RankingConfig config) {
        this(config.commonTermShare());
    }

    ArticleIndex(double commonTermShare) {
        this.similarity = new TextSimilarity(statistics, commonTermShare);
        try {
            // one buffer a file: reading a file of many buffers copies their list at every term look-up
            ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            this.writer = new IndexWriter(directory,
                    new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32)
                            // a window is then one run of documents in every segment, found by a binary search:
                            // the postings of its terms are read from there, not from the start of the corpus
                            .setIndexSort(new Sort(new SortedNumericSortField(PUBLISHED, SortField.Type.LONG))));
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    // every query has its own terms and window: a cache of clauses would only churn
                    searcher.setQueryCache(null);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to open", e);
        }
    }

    public ArticleSummary get(String id) {
        return articles.get(id);
    }

    public int size() {
        return articles.size();
    }

    public CorpusStatistics statistics() {
        return statistics;
    }

    /** The articles of a story, none if it has no members. */
    public List<ArticleSummary> story(String storyId) {
        Set<String> members = storyMembers.get(storyId);
        if (members == null) {
            return List.of();
        }
        List<ArticleSummary> found = new ArrayList<>(members.size());
        for (String id : members) {
            ArticleSummary member = articles.get(id);
            if (member != null) {
                found.add(member);
            }
        }
        return found;
    }

    /** Where an article stands in the order of publication: its time, then its id. */
    public record Published(Instant at, String id) implements Comparable<Published> {

        /**
         * Articles in the order of publication, without a place made for each. Written out rather than chained
         * ({@code Comparator.comparing(...).thenComparing}): the chain's shared lambdas are not inlined where every
         * pair of a batch is compared.
         */
        public static final Comparator<ArticleSummary> ORDER = (one, other) ->
                compare(one.publishedAt(), one.id(), other.publishedAt(), other.id());

        public static Published of(ArticleSummary article) {
            return new Published(article.publishedAt(), article.id());
        }

        @Override
        public int compareTo(Published other) {
            return compare(at, id, other.at, other.id);
        }

        private static int compare(Instant at, String id, Instant otherAt, String otherId) {
            int byTime = at.compareTo(otherAt);
            return byTime != 0 ? byTime : id.compareTo(otherId);
        }
    }

    /** The articles published after the given place, in order; a view that follows later changes. */
    public Collection<ArticleSummary> publishedAfter(Published place) {
        return byTime.tailMap(place, false).values();
    }

    /**
     * Puts these articles, replacing what it held of them, and removes those with the ids given; then searchable.
     * {@code moved} are articles it holds that only changed their story: only their story is taken, since the version
     * held may be newer than the one judged (read from another instance's write meanwhile).
     */
    public synchronized void apply(Collection<ArticleSummary> put, Collection<String> removed,
            Collection<ArticleSummary> moved) {
        for (ArticleSummary article : moved) {
            ArticleSummary previous = articles.get(article.id());
            if (previous != null) {
                if (previous.storyId() != null) {
                    remove(storyMembers, previous.storyId(), article.id());
                }
                ArticleSummary inStory = previous.inStory(article.storyId());
                articles.put(article.id(), inStory);
                byTime.put(Published.of(inStory), inStory);
                add(storyMembers, article.storyId(), article.id());
            }
        }
        apply(put, removed);
    }

    /** Puts these articles, replacing what it held of them, and removes those with the ids given; then searchable. */
    public synchronized void apply(Collection<ArticleSummary> put, Collection<String> removed) {
        write(put, removed);
        refresh();
    }

    /**
     * Puts these articles, replacing what it held of them, as {@link #apply} does, but searches see them only after
     * {@link #refresh}: while the whole read model is read, a refresh after every page would cost more than its
     * indexing (a segment flushed, sorted and merged each time).
     */
    public synchronized void load(Collection<ArticleSummary> page) {
        write(page, List.of());
    }

    /** Makes what was put and removed searchable. */
    public synchronized void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to refresh", e);
        }
    }

    private void write(Collection<ArticleSummary> put, Collection<String> removed) {
        vectors = null;
        try {
            for (String id : removed) {
                forget(id);
                writer.deleteDocuments(new Term(ID, id));
            }
            for (ArticleSummary article : put) {
                // a document to replace costs a look-up of its id at the next flush: a new article has none
                boolean held = forget(article.id());
                articles.put(article.id(), article);
                byTime.put(Published.of(article), article);
                statistics.add(article.text().terms(), article.topics(), article.capitalisedTerms());
                article.linkedIds().forEach(linked -> add(linkedBy, linked, article.id()));
                if (article.storyId() != null) {
                    add(storyMembers, article.storyId(), article.id());
                }
                Document document = document(article, number(article.id()));
                if (held) {
                    writer.updateDocument(new Term(ID, article.id()), document);
                } else {
                    writer.addDocument(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to write", e);
        } finally {
            vectors = new ConcurrentHashMap<>();
        }
    }

    /** The ids it holds. */
    public Set<String> ids() {
        return Set.copyOf(articles.keySet());
    }

    /** Forgets what it held of the article, but its document; answers whether it held it. */
    private boolean forget(String id) {
        ArticleSummary previous = articles.remove(id);
        if (previous == null) {
            return false;
        }
        byTime.remove(Published.of(previous));
        statistics.remove(previous.text().terms(), previous.topics(), previous.capitalisedTerms());
        previous.linkedIds().forEach(linked -> remove(linkedBy, linked, id));
        if (previous.storyId() != null) {
            remove(storyMembers, previous.storyId(), id);
        }
        return true;
    }

    private static void add(Map<String, Set<String>> idsByKey, String key, String id) {
        idsByKey.computeIfAbsent(key, absent -> ConcurrentHashMap.newKeySet()).add(id);
    }

    /** Removes the id from the key's set, and the key once its set is empty. */
    private static void remove(Map<String, Set<String>> idsByKey, String key, String id) {
        idsByKey.computeIfPresent(key, (present, ids) -> ids.remove(id) && ids.isEmpty() ? null : ids);
    }

    /** The article's number; a new one is published before the refresh that makes its document searchable. */
    private int number(String id) {
        Integer known = numbers.get(id);
        if (known != null) {
            return known;
        }
        int number = numbers.size();
        numbers.put(id, number);
        String[] ids = idsByNumber;
        if (number == ids.length) {
            ids = Arrays.copyOf(ids, 2 * ids.length);
        }
        ids[number] = id;
        idsByNumber = ids;
        return number;
    }

    private static Document document(ArticleSummary article, int number) {
        Document document = new Document();
        document.add(new StringField(ID, article.id(), Field.Store.NO));
        document.add(new NumericDocValuesField(NUMBER, number));
        // the tie-break of equal scores, the same on every instance
        document.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
        for (String term : article.text().terms()) {
            document.add(new StringField(TERM, term, Field.Store.NO));
        }
        for (String topic : article.topics()) {
            document.add(new StringField(TOPIC, topic, Field.Store.NO));
        }
        document.add(new SortedNumericDocValuesField(PUBLISHED, article.publishedAt().getEpochSecond()));
        document.add(new LongPoint(PUBLISHED_POINTS, article.publishedAt().getEpochSecond()));
        return document;
    }

    /**
     * The candidates of a query: the {@code count} articles of its time window with the largest TF-IDF dot product
     * with its text, plus the editorially linked ones (either way) when {@code withLinks}; all sharing a topic with
     * it if it has any. Each comes with the signals of the pair ({@link ArticleVectors#candidate}).
     */
    public List<Candidate> candidates(RelatedQuery query, int count, boolean withLinks) {
        Instant from = query.publishedAt().minus(query.options().window());
        Instant to = query.publishedAt().plus(query.options().window());
        Map<String, Boolean> found = new LinkedHashMap<>();
        Map<String, Double> weights = similarity.retrievalWeights(query.text());
        if (!weights.isEmpty()) {
            for (Hit hit : search(query, weights, from, to, count, Set.of())) {
                found.put(hit.id(), false);
            }
        }
        if (withLinks) {
            query.linkedIds().forEach(id -> found.put(id, true));
            if (query.articleId() != null) {
                linkedBy.getOrDefault(query.articleId(), Set.of()).forEach(id -> found.put(id, true));
            }
        }
        ArticleVectors queryVectors = ArticleVectors.of(query.text(), query.headline(), similarity, statistics);
        List<Candidate> candidates = new ArrayList<>(found.size());
        found.forEach((id, linked) -> {
            ArticleSummary article = articles.get(id);
            if (article != null && !id.equals(query.articleId()) && !article.publishedAt().isBefore(from)
                    && !article.publishedAt().isAfter(to) && query.sharesTopic(article)) {
                candidates.add(queryVectors.candidate(article, vectors(article), linked));
            }
        });
        return candidates;
    }

    private ArticleVectors vectors(ArticleSummary article) {
        Map<String, ArticleVectors> known = vectors;
        if (known == null) {
            return ArticleVectors.of(article, similarity, statistics);
        }
        // a plain look-up first: computeIfAbsent locks the bin of a key it finds behind another
        ArticleVectors held = known.get(article.id());
        return held != null ? held
                : known.computeIfAbsent(article.id(), id -> ArticleVectors.of(article, similarity, statistics));
    }

    /** An article a search found, and its score: the sum of the boosts of the query's terms it has. */
    public record Hit(String id, float score) {

        /** The best score first, ties by id: the same order on every instance. */
        public static final Comparator<Hit> BEST_FIRST = (one, other) -> {
            int byScore = Float.compare(other.score(), one.score());
            return byScore != 0 ? byScore : one.id().compareTo(other.id());
        };
    }

    /**
     * The {@code count} best hits, ties at the cut broken by id: by document number, Lucene's own tie-break, they
     * would differ between instances. Hits that match the same terms score the same, so such ties are common; a pool
     * twice as deep settles nearly all of them in one search.
     */
    private List<Hit> top(IndexSearcher searcher, Query query, int count) throws IOException {
        // every hit counted and scored in full: with a window of about a hundred documents (the benchmark's), a
        // fifth less time than the skipping (WAND) that a threshold of counted hits turns on, for the same hits
        ScoreDoc[] pool = searcher.search(query,
                new TopScoreDocCollectorManager(2 * count + 1, Integer.MAX_VALUE)).scoreDocs;
        if (pool.length <= count) {
            return hits(searcher, pool);
        }
        float cut = pool[count - 1].score;
        int tiedFrom = count - 1, tiedTo = count;
        while (tiedFrom > 0 && pool[tiedFrom - 1].score == cut) {
            tiedFrom--;
        }
        while (tiedTo < pool.length && pool[tiedTo].score == cut) {
            tiedTo++;
        }
        if (tiedTo == count) {
            return hits(searcher, Arrays.copyOf(pool, count));
        }
        if (tiedTo == 2 * count + 1) { // the tie may go on beyond the pool
            return hits(searcher, searcher.search(query, count, BY_SCORE_THEN_ID, true).scoreDocs);
        }
        List<Hit> tied = hits(searcher, Arrays.copyOf(pool, tiedTo));
        List<Hit> top = new ArrayList<>(tied.subList(0, tiedFrom));
        tied.subList(tiedFrom, tiedTo).stream().sorted(Hit.BEST_FIRST).limit(count - tiedFrom)
                .forEach(top::add);
        return top;
    }

    /** The hits in the order given, each with its id. */
    private List<Hit> hits(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Map<Integer, String> ids = ids(searcher, docs);
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            hits.add(new Hit(ids.get(doc.doc), doc.score));
        }
        return hits;
    }

    /**
     * The ids of the hits by document: read in document order, one doc-values iterator a segment (they only go
     * forward, and each costs a look-up structure of its own).
     */
    private Map<Integer, String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        int[] docs = Arrays.stream(hits).mapToInt(hit -> hit.doc).sorted().toArray();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] ids = idsByNumber;
        Map<Integer, String> found = new LinkedHashMap<>();
        LeafReaderContext leaf = null;
        NumericDocValues numbers = null;
        for (int doc : docs) {
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                numbers = DocValues.getNumeric(leaf.reader(), NUMBER);
            }
            if (numbers.advanceExact(doc - leaf.docBase)) {
                found.put(doc, ids[(int) numbers.longValue()]);
            }
        }
        return found;
    }

    /**
     * The {@code count} articles published in [{@code from}, {@code to}] that share a topic with the query and have
     * the highest retrieval score under {@code weights} ({@link TextSimilarity#retrievalWeights}), ties by id, none
     * of the {@code excluded} ids: the articles whose stories an article may join. Lucene sums a hit's boosts in an
     * order of its own; a caller that ranks these with others scores them again with {@link #score}.
     */
    public List<Hit> storyHits(RelatedQuery query, Map<String, Double> weights, Instant from, Instant to, int count,
            Set<String> excluded) {
        return weights.isEmpty() ? List.of() : search(query, weights, from, to, count, excluded);
    }

    /** The score a search gives the article: as Lucene sums the boosts of the terms it has, in float. */
    public static float score(Map<String, Double> weights, ArticleSummary article) {
        double sum = 0;
        for (String term : article.text().terms()) {
            Double weight = weights.get(term);
            if (weight != null) {
                sum += weight.floatValue();
            }
        }
        return (float) sum;
    }

    private List<Hit> search(RelatedQuery query, Map<String, Double> weights, Instant from, Instant to, int count,
            Set<String> excluded) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Term> queried = new ArrayList<>(weights.size());
                weights.keySet().forEach(term -> queried.add(new Term(TERM, term)));
                List<TermQuery> termQueries = termStates.queries(searcher, queried);
                BooleanQuery.Builder terms = new BooleanQuery.Builder();
                int at = 0;
                for (double weight : weights.values()) {
                    terms.add(new BoostQuery(new ConstantScoreQuery(termQueries.get(at++)), (float) weight),
                            BooleanClause.Occur.SHOULD);
                }
                BooleanQuery.Builder wanted = new BooleanQuery.Builder()
                        // first, so that the terms are not looked up in segments outside the window
                        .add(new PublishedWindow(PUBLISHED, PUBLISHED_POINTS, from.getEpochSecond(),
                                to.getEpochSecond()),
                                BooleanClause.Occur.FILTER)
                        .add(terms.build(), BooleanClause.Occur.MUST);
                if (!query.topics().isEmpty()) {
                    BooleanQuery.Builder topics = new BooleanQuery.Builder();
                    List<Term> topicTerms = query.topics().stream().map(topic -> new Term(TOPIC, topic)).toList();
                    for (TermQuery topic : termStates.queries(searcher, topicTerms)) {
                        topics.add(topic, BooleanClause.Occur.SHOULD);
                    }
                    wanted.add(topics.build(), BooleanClause.Occur.FILTER);
                }
                if (query.articleId() != null) {
                    wanted.add(new TermQuery(new Term(ID, query.articleId())), BooleanClause.Occur.MUST_NOT);
                }
                if (!excluded.isEmpty()) {
                    wanted.add(new TermInSetQuery(ID, excluded.stream().map(BytesRef::new).toList()),
                            BooleanClause.Occur.MUST_NOT);
                }
                return top(searcher, wanted.build(), count);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to read", e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
