package news.coverage.recommend.related;

import org.apache.lucene.codecs.BlockTermState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Term queries whose terms are looked up in the dictionary of each segment once per reader, not once per query: the
 * same terms recur from query to query (a story's words, a batch's topics), and the look-up costs more than the
 * postings of a short time window. A new reader (after each applied batch) takes what the one before it found of a
 * term in the segments both hold (a batch adds a small segment; the large ones stay until merged, and a segment's
 * postings never change), and looks the term up in its other segments only. The terms of a query not looked up yet
 * are looked up together, one walk through each segment's dictionary for all of them (a walk costs more to set up
 * than a term costs to find).
 */
final class ReaderTermStates {

    /**
     * A reader's term states; the reader before it, whose states it takes over, with the place of each of this
     * reader's segments among that one's ({@code -1} for a new segment).
     */
    private record Lookups(IndexReader reader, List<LeafReaderContext> leaves, Map<Term, TermStates> states,
            Lookups before, int[] placesBefore) {

        /** The leaves are read now: the reader before may be closed by the time its states are taken over. */
        static Lookups after(IndexReader reader, Lookups before) {
            List<LeafReaderContext> leaves = reader.leaves();
            if (before == null) {
                return new Lookups(reader, leaves, new ConcurrentHashMap<>(), null, null);
            }
            Map<Object, Integer> places = new HashMap<>();
            for (LeafReaderContext leaf : before.leaves()) {
                places.put(segment(leaf), leaf.ord);
            }
            int[] placesBefore = leaves.stream().mapToInt(leaf -> places.getOrDefault(segment(leaf), -1)).toArray();
            // one reader back only, so that readers are not held in a chain
            return new Lookups(reader, leaves, new ConcurrentHashMap<>(),
                    new Lookups(before.reader(), before.leaves(), before.states(), null, null), placesBefore);
        }

        /** The term's state in the segment, as the reader before found it; null if it did not look the term up. */
        TermStates statesBefore(Term term) {
            return before == null ? null : before.states().get(term);
        }
    }

    private volatile Lookups lookups;

    /** Queries for the terms, in their order, their states those of the searcher's reader. */
    List<TermQuery> queries(IndexSearcher searcher, Collection<Term> terms) throws IOException {
        Lookups current = lookups;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = Lookups.after(searcher.getIndexReader(), current);
            lookups = current;
        }
        Map<Term, TermStates> states = current.states();
        List<Term> missing = terms.stream().filter(term -> !states.containsKey(term)).sorted().distinct().toList();
        if (!missing.isEmpty()) {
            lookUp(searcher.getTopReaderContext(), missing, current);
        }
        List<TermQuery> queries = new ArrayList<>(terms.size());
        for (Term term : terms) {
            queries.add(new TermQuery(term, states.get(term)));
        }
        return queries;
    }

    /** The segment's core: the same while the segment lives, whatever is deleted from it. */
    private static Object segment(LeafReaderContext leaf) {
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        return core != null ? core.getKey() : leaf.reader();
    }

    /**
     * The terms' (sorted) states in every segment, built in full before others read them: taken from the reader
     * before where it held the segment and had looked the term up, else looked up.
     */
    private static void lookUp(IndexReaderContext top, List<Term> sorted, Lookups lookups) throws IOException {
        TermStates[] built = new TermStates[sorted.size()];
        TermStates[] before = new TermStates[sorted.size()];
        for (int i = 0; i < built.length; i++) {
            built[i] = new TermStates(top);
            before[i] = lookups.statesBefore(sorted.get(i));
        }
        List<LeafReaderContext> leavesBefore = lookups.before() == null ? List.of() : lookups.before().leaves();
        for (LeafReaderContext leaf : top.leaves()) {
            int placeBefore = lookups.placesBefore() == null ? -1 : lookups.placesBefore()[leaf.ord];
            TermsEnum walk = null;
            String field = null;
            for (int i = 0; i < built.length; i++) {
                if (placeBefore >= 0 && before[i] != null) {
                    TermState state = before[i].get(leavesBefore.get(placeBefore));
                    if (state == null) {
                        continue; // not in that segment
                    }
                    if (state instanceof BlockTermState block) {
                        built[i].register(state, leaf.ord, block.docFreq, block.totalTermFreq);
                        continue;
                    }
                }
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
            lookups.states().putIfAbsent(sorted.get(i), built[i]);
        }
    }
}
