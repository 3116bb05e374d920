package news.coverage.deploy.evaluate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a user would otherwise reach for: Lucene's MoreLikeThis over title + excerpt, with the same English
 * analysis as the service, every term kept (short texts: minimum term and document frequency 1) and the same time
 * window.
 */
public final class MoreLikeThisBaseline implements AutoCloseable {

    private static final String TEXT = "text";
    private static final String PUBLISHED = "published";
    private static final String FILE = "file";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final List<EvaluatedItem> items;

    public MoreLikeThisBaseline(List<EvaluatedItem> items) throws IOException {
        this.items = items;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (EvaluatedItem item : items) {
                Document document = new Document();
                document.add(new TextField(TEXT, item.title() + "\n" + item.excerpt(), Field.Store.YES));
                document.add(new LongPoint(PUBLISHED, item.publishedAt().toEpochMilli()));
                document.add(new StoredField(FILE, item.file()));
                writer.addDocument(document);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    /** The files most like the given one within {@code window} of its publication, best first. */
    public List<String> related(String file, Duration window, int limit) throws IOException {
        int document = indexOf(file);
        MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
        moreLikeThis.setAnalyzer(analyzer);
        moreLikeThis.setFieldNames(new String[] {TEXT});
        moreLikeThis.setMinTermFreq(1);
        moreLikeThis.setMinDocFreq(1);
        long at = items.get(document).publishedAt().toEpochMilli();
        BooleanQuery query = new BooleanQuery.Builder()
                .add(moreLikeThis.like(document), BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(PUBLISHED, at - window.toMillis(), at + window.toMillis()),
                        BooleanClause.Occur.FILTER)
                .build();
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> related = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, limit + 1).scoreDocs) {
            if (hit.doc != document && related.size() < limit) {
                related.add(searcher.storedFields().document(hit.doc).get(FILE));
            }
        }
        return related;
    }

    private int indexOf(String file) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).file().equals(file)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an evaluated item: " + file);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
