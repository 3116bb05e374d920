package news.coverage.deploy.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Learns the weights of recommend's same-story probability from judged pairs: logistic regression (L2-regularised,
 * batch gradient descent on standardised features, weights given back on the features as they are), and its figures
 * measured by leave-one-query-out cross-validation, so that no query is scored by weights that saw its judgments.
 */
public final class SameStoryTraining {

    /** A judged pair as the service measured it: its features (by name) and whether it is the same story. */
    public record Example(String query, String file, Map<String, Double> features, boolean sameStory) {
    }

    /** A bias and a weight per feature; the probability is the logistic function of their sum. */
    public record Model(double bias, Map<String, Double> weights) {

        public double probability(Map<String, Double> features) {
            double sum = bias;
            for (var weight : weights.entrySet()) {
                sum += weight.getValue() * features.getOrDefault(weight.getKey(), 0.0);
            }
            return 1 / (1 + Math.exp(-sum));
        }
    }

    private static final int ITERATIONS = 4000;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 0.001;

    private SameStoryTraining() {
    }

    public static Model fit(List<Example> examples) {
        List<String> names = List.copyOf(new TreeSet<>(examples.stream()
                .flatMap(example -> example.features().keySet().stream()).toList()));
        int n = examples.size();
        int d = names.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = examples.get(i).features().getOrDefault(names.get(j), 0.0);
                mean[j] += x[i][j] / n;
            }
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                scale[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / n;
            }
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
            for (int i = 0; i < n; i++) {
                x[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double bias = 0;
        double[] w = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double biasGradient = 0;
            double[] gradient = new double[d];
            for (int i = 0; i < n; i++) {
                double sum = bias;
                for (int j = 0; j < d; j++) {
                    sum += w[j] * x[i][j];
                }
                double error = 1 / (1 + Math.exp(-sum)) - (examples.get(i).sameStory() ? 1 : 0);
                biasGradient += error / n;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[i][j] / n;
                }
            }
            bias -= LEARNING_RATE * biasGradient;
            for (int j = 0; j < d; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] + L2 * w[j]);
            }
        }
        // back to the features as the service measures them
        Map<String, Double> weights = new LinkedHashMap<>();
        double rawBias = bias;
        for (int j = 0; j < d; j++) {
            weights.put(names.get(j), w[j] / scale[j]);
            rawBias -= w[j] * mean[j] / scale[j];
        }
        return new Model(rawBias, weights);
    }

    /** For each query, the weights fitted on every other query's examples. */
    public static Map<String, Model> heldOut(List<Example> examples) {
        Map<String, Model> byHeldOutQuery = new LinkedHashMap<>();
        for (Example example : examples) {
            byHeldOutQuery.computeIfAbsent(example.query(), query -> fit(examples.stream()
                    .filter(other -> !other.query().equals(query)).toList()));
        }
        return byHeldOutQuery;
    }

    /** Each example's probability from the weights fitted on every other query's examples, in the examples' order. */
    public static List<Double> crossValidated(List<Example> examples, Map<String, Model> heldOut) {
        List<Double> predictions = new ArrayList<>(examples.size());
        for (Example example : examples) {
            predictions.add(heldOut.get(example.query()).probability(example.features()));
        }
        return predictions;
    }

    /**
     * Of the pairs given a probability in each tenth (0–0.1, ..., 0.9–1), how many there are and the share that is
     * the same story: calibrated weights give about 0.85 same story in the 0.8–0.9 tenth.
     */
    public static List<double[]> calibration(List<Example> examples, List<Double> predictions) {
        double[] count = new double[10];
        double[] same = new double[10];
        for (int i = 0; i < examples.size(); i++) {
            int bucket = Math.min(9, (int) (predictions.get(i) * 10));
            count[bucket]++;
            same[bucket] += examples.get(i).sameStory() ? 1 : 0;
        }
        List<double[]> rows = new ArrayList<>();
        for (int bucket = 0; bucket < 10; bucket++) {
            double share = count[bucket] == 0 ? 0 : same[bucket] / count[bucket];
            rows.add(new double[] { bucket / 10.0, count[bucket], share });
        }
        return rows;
    }
}
