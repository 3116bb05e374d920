package news.coverage.recommend.related;

import news.coverage.recommend.text.TermCounts;
import news.coverage.recommend.text.TextSimilarity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleVectorsTest {

    /** A corpus whose excerpts write IBM, Amazon and Microsoft as names. */
    private static final TermCounts CORPUS = HeadlinesTest.corpus(
            "IBM exits facial recognition business", "The company's CEO told Congress that IBM would stop.",
            "Amazon pauses police use", "On Wednesday Amazon said the business would pause.",
            "Microsoft won't sell to police", "A day later Microsoft followed Amazon.");
    private static final TextSimilarity SIMILARITY = new TextSimilarity(CORPUS, 0.5);

    private static Candidate pair(String title, String otherTitle) {
        ArticleSummary article = Summaries.summary("a", title, "2020-06-09T12:00:00Z", "one.com", "AI");
        ArticleSummary other = Summaries.summary("b", otherTitle, "2020-06-09T14:00:00Z", "two.com", "AI");
        return ArticleVectors.of(article, SIMILARITY, CORPUS)
                .candidate(other, ArticleVectors.of(other, SIMILARITY, CORPUS), false);
    }

    @Test
    void aSharedSubjectSeparatesParallelMovesAndJoinsARoundUpToTheMoveItLeadsWith() {
        assertTrue(pair("IBM gets out of facial recognition", "IBM's exit from face recognition").sameSubject());
        assertFalse(pair("IBM gets out of facial recognition", "Amazon bans police use of facial recognition")
                .sameSubject());
        assertTrue(pair("Amazon and Microsoft pause police facial recognition",
                "Microsoft won't sell facial recognition to police").sameSubject());
        assertFalse(pair("Microsoft joins Amazon, IBM in restricting police use", "IBM gets out of facial recognition")
                .sameSubject(), "a name further on is not the subject");
        assertFalse(pair("a case for banning it", "a case for banning it").sameSubject());
    }

    @Test
    void aPairCarriesTheCosineOfItsTextsAndTheShareOfNamesBothMention() {
        Candidate same = pair("IBM exits facial recognition business", "IBM exits facial recognition business");
        assertEquals(1.0, same.textSimilarity(), 1e-9);
        assertEquals(1.0, same.sharedNames(), 1e-9);
        Candidate apart = pair("IBM exits facial recognition", "Microsoft won't sell to police");
        assertEquals(0.0, apart.sharedNames());
    }
}
