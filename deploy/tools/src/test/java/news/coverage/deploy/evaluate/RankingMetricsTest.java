package news.coverage.deploy.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {

    private static final Map<String, Integer> GRADES = Map.of("a", 2, "b", 2, "c", 0);

    @Test
    void unjudgedResultsCountAsNotRelevantUnlessLeftOut() {
        List<String> ranked = List.of("x", "a", "y", "b", "c");
        assertEquals(List.of("a", "b", "c"), RankingMetrics.condensed(ranked, GRADES));
        double withGaps = RankingMetrics.ndcg(ranked, GRADES, 10).getAsDouble();
        double condensed = RankingMetrics.ndcg(RankingMetrics.condensed(ranked, GRADES), GRADES, 10).getAsDouble();
        assertEquals(1.0, condensed, 1e-9);
        assertTrue(withGaps < 0.75, "two unjudged results ahead of the relevant ones cost: " + withGaps);
        assertEquals(0.4, RankingMetrics.unjudged(ranked, GRADES, 10).getAsDouble(), 1e-9);
        assertEquals(1.0, RankingMetrics.precision(ranked, GRADES, 5, 2).getAsDouble(), 1e-9);
        assertEquals(0.5, RankingMetrics.precision(ranked, GRADES, 2, 2).getAsDouble(), 1e-9);
    }

    @Test
    void bCubedCountsTheJudgedItemsOfEachQuerysStory() {
        // q's story holds a (same story) and c (not); b, the same story, is in another story
        Judgments judgments = new Judgments(Map.of("q", Map.of("a", 2, "b", 2, "c", 0, "d", 1)));
        Map<String, String> storyOf = Map.of("q", "s1", "a", "s1", "c", "s1", "b", "s2", "d", "s3");
        double[] bCubed = RankingMetrics.bCubed(storyOf, judgments);
        assertEquals(2 / 3.0, bCubed[0], 1e-9, "precision: q and a of q, a, c");
        assertEquals(2 / 3.0, bCubed[1], 1e-9, "recall: q and a of q, a, b");
    }

    @Test
    void severalQrelsFilesAreOnePoolAndAPairIsGradedOnce(@TempDir Path folder) throws IOException {
        Path pool = Files.writeString(folder.resolve("pool.tsv"), "q\ta\t2\nq\tc\t0\n");
        Path more = Files.writeString(folder.resolve("more.tsv"), "q\tb\t1\nr\ta\t2\n");
        Judgments judgments = Judgments.read(List.of(pool, more));
        assertEquals(Map.of("a", 2, "c", 0, "b", 1), judgments.byQuery().get("q"));
        assertEquals(Map.of("a", 2), judgments.byQuery().get("r"));

        Path again = Files.writeString(folder.resolve("again.tsv"), "q\ta\t1\n");
        IOException twice = assertThrows(IOException.class, () -> Judgments.read(List.of(pool, again)));
        assertTrue(twice.getMessage().contains("graded already"), twice.getMessage());
    }
}
