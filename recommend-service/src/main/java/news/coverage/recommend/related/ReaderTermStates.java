package news.coverage.recommend.related;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Term queries whose terms are looked up in the dictionary of each segment once per reader, not once per query: the
 * same terms recur from query to query (a story's words, a batch's topics), and the look-up costs more than the
 * postings of a short time window. The terms of a query not looked up yet are looked up together, one walk through
 * each segment's dictionary for all of them (a walk costs more to set up than a term costs to find). A new reader
 * (after each applied batch) starts afresh.
 */
final class ReaderTermStates {

    private record Lookups(IndexReader reader, Map<Term, TermStates> states) {
    }

    private volatile Lookups lookups;

    /** Queries for the terms, in their order, their states those of the searcher's reader. */
    List<TermQuery> queries(IndexSearcher searcher, Collection<Term> terms) throws IOException {
        Lookups current = lookups;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = new Lookups(searcher.getIndexReader(), new ConcurrentHashMap<>());
            lookups = current;
        }
        Map<Term, TermStates> states = current.states();
        List<Term> missing = terms.stream().filter(term -> !states.containsKey(term)).sorted().distinct().toList();
        if (!missing.isEmpty()) {
            lookUp(searcher.getTopReaderContext(), missing, states);
        }
        List<TermQuery> queries = new ArrayList<>(terms.size());
        for (Term term : terms) {
            queries.add(new TermQuery(term, states.get(term)));
        }
        return queries;
    }

    /** Looks the terms (sorted) up in every segment, built in full before others read them. */
    private static void lookUp(IndexReaderContext top, List<Term> sorted, Map<Term, TermStates> states)
            throws IOException {
        TermStates[] built = new TermStates[sorted.size()];
        for (int i = 0; i < built.length; i++) {
            built[i] = new TermStates(top);
        }
        for (LeafReaderContext leaf : top.leaves()) {
            TermsEnum walk = null;
            String field = null;
            for (int i = 0; i < built.length; i++) {
                Term term = sorted.get(i);
                if (!term.field().equals(field)) {
                    field = term.field();
                    walk = Terms.getTerms(leaf.reader(), field).iterator();
                }
                if (walk.seekExact(term.bytes())) {
                    built[i].register(walk.termState(), leaf.ord, walk.docFreq(), walk.totalTermFreq());
                }
            }
        }
        for (int i = 0; i < built.length; i++) {
            states.putIfAbsent(sorted.get(i), built[i]);
        }
    }
}
