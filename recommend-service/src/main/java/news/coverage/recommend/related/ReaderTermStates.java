package news.coverage.recommend.related;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Term queries whose terms are looked up in the dictionary of each segment once per reader, not once per query: the
 * same terms recur from query to query (a story's words, a batch's topics), and the look-up costs more than the
 * postings of a short time window. A new reader (after each applied batch) starts afresh.
 */
final class ReaderTermStates {

    private record Lookups(IndexReader reader, Map<Term, TermStates> states) {
    }

    private volatile Lookups lookups;

    /** A query for the term, its states those of the searcher's reader. */
    TermQuery query(IndexSearcher searcher, Term term) throws IOException {
        Lookups current = lookups;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = new Lookups(searcher.getIndexReader(), new ConcurrentHashMap<>());
            lookups = current;
        }
        TermStates states = current.states().get(term);
        if (states == null) {
            // built in full here, so that the queries sharing it only read it
            states = TermStates.build(searcher, term, true);
            current.states().put(term, states);
        }
        return new TermQuery(term, states);
    }
}
