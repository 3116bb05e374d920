package news.coverage.recommend.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSimilarityTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final CorpusStatistics statistics = new CorpusStatistics();
    private final TextSimilarity similarity = new TextSimilarity(statistics, 0.5);

    private TermVector counted(String title) {
        TermVector text = analyzer.analyze(title, null);
        statistics.add(text.terms(), List.of("AI"), new String[0]);
        return text;
    }

    @Test
    void identicalTextsAreSimilarOneAndUnrelatedOnesZero() {
        TermVector a = counted("IBM quits facial recognition");
        TermVector b = counted("IBM quits facial recognition");
        TermVector c = counted("Gardening tips for spring");
        for (int i = 0; i < 10; i++) {
            counted("filler words number " + i);
        }
        assertEquals(1.0, similarity.cosine(a, b), 1e-9);
        assertEquals(0.0, similarity.cosine(a, c), 1e-9);
    }

    @Test
    void rareSharedTermsCountMoreThanCommonOnes() {
        TermVector query = counted("amazon pauses police rekognition");
        TermVector rare = counted("rekognition moratorium");
        TermVector common = counted("police moratorium");
        for (int i = 0; i < 20; i++) {
            counted("police report " + i);
        }
        assertTrue(similarity.cosine(query, rare) > similarity.cosine(query, common));
    }

    @Test
    void termsOnMoreThanTheCommonShareWeighNothingAndRemovalUncounts() {
        for (int i = 0; i < 30; i++) {
            counted("everywhere " + i);
        }
        assertEquals(0.0, similarity.idf("everywhere"));
        TermVector once = analyzer.analyze("everywhere", null);
        for (int i = 0; i < 30; i++) {
            statistics.remove(once.terms(), List.of("AI"), new String[0]);
        }
        assertEquals(0, statistics.articlesWithTerm("everywhere"));
        assertEquals(0, statistics.articlesWithTopic("AI"));
    }

    @Test
    void aRareTopicWeighsMoreThanAnEverydayOne() {
        statistics.add(new String[0], List.of("AI", "Rare"), new String[0]);
        for (int i = 0; i < 9; i++) {
            statistics.add(new String[0], List.of("AI"), new String[0]);
        }
        assertTrue(statistics.topicWeight("Rare") > statistics.topicWeight("AI"));
        assertEquals(Math.log(1 + 10.0 / 1), statistics.topicWeight("Rare"), 1e-9);
        assertEquals(0.0, statistics.topicWeight("Unknown"));
    }
}
