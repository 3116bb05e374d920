package news.coverage.deploy.evaluate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameStoryTrainingTest {

    /** Pairs whose chance of being the same story is the logistic function of -4 + 8 text, whatever closeness. */
    private static List<SameStoryTraining.Example> examples(int queries, int perQuery, long seed) {
        Random random = new Random(seed);
        List<SameStoryTraining.Example> examples = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            for (int i = 0; i < perQuery; i++) {
                double text = random.nextDouble();
                double closeness = random.nextDouble();
                double chance = 1 / (1 + Math.exp(-(-4 + 8 * text)));
                examples.add(new SameStoryTraining.Example("q" + q, "r" + i,
                        Map.of("text", text, "closeness", closeness), random.nextDouble() < chance));
            }
        }
        return examples;
    }

    @Test
    void theWeightsThatMadeTheLabelsAreFoundAgain() {
        SameStoryTraining.Model model = SameStoryTraining.fit(examples(20, 200, 1));
        assertEquals(8, model.weights().get("text"), 1.0, model.toString());
        assertEquals(0, model.weights().get("closeness"), 0.5, model.toString());
        assertEquals(-4, model.bias(), 0.6, model.toString());
    }

    @Test
    void crossValidatedProbabilitiesAreCalibrated() {
        List<SameStoryTraining.Example> examples = examples(10, 300, 2);
        List<Double> predictions = SameStoryTraining.crossValidated(examples,
                SameStoryTraining.heldOut(examples));
        for (double[] bucket : SameStoryTraining.calibration(examples, predictions)) {
            if (bucket[1] >= 100) {
                assertEquals(bucket[0] + 0.05, bucket[2], 0.1, "the tenth from " + bucket[0]);
            }
        }
    }

    @Test
    void aHeldOutQueryIsScoredByWeightsThatNeverSawIt() {
        // one query whose labels contradict every other's: its own weights would fit it, held-out weights do not
        List<SameStoryTraining.Example> examples = new ArrayList<>(examples(5, 100, 3));
        for (int i = 0; i < 100; i++) {
            examples.add(new SameStoryTraining.Example("odd", "r" + i, Map.of("text", 0.95, "closeness", 0.5), false));
        }
        List<Double> predictions = SameStoryTraining.crossValidated(examples,
                SameStoryTraining.heldOut(examples));
        double heldOut = predictions.get(predictions.size() - 1);
        assertTrue(heldOut > 0.9, "held out: " + heldOut);
    }
}
