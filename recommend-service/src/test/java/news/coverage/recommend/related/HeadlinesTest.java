package news.coverage.recommend.related;

import news.coverage.recommend.text.CorpusStatistics;
import news.coverage.recommend.text.TermCounts;
import news.coverage.recommend.text.TextAnalyzer;
import news.coverage.recommend.text.TextSimilarity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadlinesTest {

    /** A small corpus whose excerpts write IBM, Amazon, Microsoft and Clearview as names, and "business" not. */
    private static final TermCounts CORPUS = corpus(
            "IBM exits facial recognition business", "The company's CEO told Congress that IBM would stop.",
            "Amazon pauses police use", "On Wednesday Amazon said the business would pause.",
            "Microsoft won't sell to police", "A day later Microsoft followed Amazon.",
            "Clearview AI still backs facial recognition", "The firm Clearview AI said so.",
            "A case for banning facial recognition", "The business of policing is changing.");

    private static Headlines.Headline headline(String title, String excerpt) {
        return Headlines.Headline.of(title, excerpt);
    }

    private static Headlines.Headline headline(String title) {
        return headline(title, null);
    }

    /** The counts of a corpus of articles, given as title, excerpt, title, excerpt...: terms and capitals. */
    static TermCounts corpus(String... titlesAndExcerpts) {
        CorpusStatistics statistics = new CorpusStatistics();
        TextAnalyzer analyzer = new TextAnalyzer();
        for (int i = 0; i < titlesAndExcerpts.length; i += 2) {
            String title = titlesAndExcerpts[i], excerpt = titlesAndExcerpts[i + 1];
            statistics.add(analyzer.analyze(title, excerpt).terms(), List.of(),
                    headline(title, excerpt).capitalised());
        }
        return statistics;
    }

    @Test
    void capitalsCountWhereCaseTellsANameInsideSentencesOfTheExcerptAndOfSentenceCaseHeadlines() {
        assertArrayEquals(new String[] { "amazon", "ceo", "ibm" },
                headline("Why this matters", "The CEO of IBM spoke. Amazon did not, then Amazon did.").capitalised(),
                "a capital that opens a sentence says nothing");
        assertArrayEquals(new String[] { "ibm" },
                headline("IBM Pulls Plug On Facial Recognition", "Yesterday it stopped.").capitalised(),
                "a title-case headline's capitals say nothing, its words in capitals do");
        assertArrayEquals(new String[] { "congress", "ibm" },
                headline("IBM quits, calls on Congress to act", null).capitalised());
    }

    @Test
    void theSubjectsAreTheNamesAHeadlineLeadsWith() {
        assertEquals(Set.of("ibm"), headline("IBM exits facial recognition business").subjects(CORPUS));
        assertEquals(Set.of("amazon"), headline("Why Amazon's pause on police facial recognition matters")
                .subjects(CORPUS));
        assertEquals(Set.of("amazon", "microsoft"), headline("Amazon and Microsoft pause police facial recognition")
                .subjects(CORPUS));
        assertEquals(Set.of("ibm", "microsoft", "amazon"),
                headline("IBM, Microsoft, and Amazon’s face recognition bans don’t go far enough").subjects(CORPUS));
        assertEquals(Set.of("clearview"), headline("Clearview AI still backs facial recognition").subjects(CORPUS));
        assertEquals(Set.of("ibm"), headline("Daily Crunch: IBM is getting out of facial recognition")
                .subjects(CORPUS), "after a short kicker");
        assertEquals(Set.of(), headline("Business Leaders Weigh In On Facial Recognition").subjects(CORPUS),
                "a word the corpus writes in lower case is no name, whatever the headline's capitals");
        assertEquals(Set.of(), headline("A case for banning facial recognition").subjects(CORPUS));
        assertEquals(Set.of(), headline(null).subjects(CORPUS));
    }

    @Test
    void overlapCountsContentWordsOfTheShorterHeadline() {
        assertArrayEquals(new String[] { "business", "exits", "facial", "ibm", "recognition" },
                headline("IBM exits the facial recognition business.").words());
        assertEquals(1.0, headline("IBM exits facial recognition")
                .overlap(headline("IBM exits facial recognition business, calls on Congress")));
        assertEquals(1 / 3.0, headline("IBM exits recognition")
                .overlap(headline("Amazon pauses facial recognition tech")), 1e-9);
        assertEquals(0.0, headline("").overlap(headline("IBM")));
    }

    @Test
    void namesAreTheMentionedWordsTheCorpusWritesAsNamesWeightedByTheirIdf() {
        var names = headline("Senator Presses Clearview AI on IBM", "Clearview AI is asked about protesters")
                .names(CORPUS);
        assertArrayEquals(new String[] { "ai", "clearview", "ibm" }, names.terms(),
                "words in capitals that the corpus does not write as names (Senator, Presses) are none");
        assertArrayEquals(new double[] { Math.log(6.0 / 1), Math.log(6.0 / 1), Math.log(6.0 / 1) }, names.weights(),
                1e-9);
    }

    @Test
    void sharedNamesWeighTheNamesBothMentionByHowRareTheyAre() {
        assertEquals(1.0, shared(headline("Senator presses Clearview AI", "Clearview AI is asked about protesters"),
                headline("Clearview AI Still Backs Its Tool")), 1e-9);
        assertEquals(0.0, shared(headline("IBM exits facial recognition"), headline("Amazon pauses facial recognition")));
        double amazon = Math.log(6.0 / 2), ibm = Math.log(6.0 / 1);
        assertEquals(amazon / (amazon + ibm), shared(headline("IBM and Amazon exit facial recognition"),
                headline("Amazon pauses facial recognition")), 1e-9);
        assertEquals(0.0, shared(headline("Facial Recognition Bans: What Do They Mean"),
                headline("Facial Recognition Business Is Changing")));
    }

    private static double shared(Headlines.Headline one, Headlines.Headline other) {
        return TextSimilarity.weightedOverlap(one.names(CORPUS), other.names(CORPUS));
    }
}
