package news.coverage.recommend.related;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

import java.io.IOException;

/**
 * The documents published in [from, to] (epoch seconds), in an index sorted by publication: within a segment the run
 * of documents a binary search finds. In a segment published wholly outside the window it has no scorer at all, so
 * that, as the first required clause of a query, no clause after it opens its terms there (Lucene's own range query
 * answers such a segment with an empty iterator, after every term of the query was looked up in it). The segment's
 * first and last times are read from points of their own field: with points on the doc-values field, Lucene's range
 * query would find the run through the points' tree instead of its cheaper binary search over the doc values.
 */
final class PublishedWindow extends Query {

    private final String field;
    private final String pointsField;
    private final long from;
    private final long to;
    private final Query inSegment;

    /**
     * @param field       the sorted numeric doc values the index is sorted by
     * @param pointsField the same times as points
     */
    PublishedWindow(String field, String pointsField, long from, long to) {
        this(field, pointsField, from, to, new IndexSortSortedNumericDocValuesRangeQuery(field, from, to,
                SortedNumericDocValuesField.newSlowRangeQuery(field, from, to)));
    }

    private PublishedWindow(String field, String pointsField, long from, long to, Query inSegment) {
        this.field = field;
        this.pointsField = pointsField;
        this.from = from;
        this.to = to;
        this.inSegment = inSegment;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = inSegment.rewrite(searcher);
        return rewritten == inSegment ? this : new PublishedWindow(field, pointsField, from, to, rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, inSegment.createWeight(searcher, scoreMode, boost)) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                return outside(context) ? null : in.scorerSupplier(context);
            }

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                return outside(context) ? null : in.scorer(context);
            }
        };
    }

    private boolean outside(LeafReaderContext context) throws IOException {
        PointValues times = context.reader().getPointValues(pointsField);
        return times == null || LongPoint.decodeDimension(times.getMinPackedValue(), 0) > to
                || LongPoint.decodeDimension(times.getMaxPackedValue(), 0) < from;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        inSegment.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
    }

    @Override
    public String toString(String ignored) {
        return field + ":[" + from + " TO " + to + "] by segment";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && inSegment.equals(((PublishedWindow) other).inSegment);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + inSegment.hashCode();
    }
}
