package news.coverage.recommend.related;

import java.util.List;

/**
 * Why an item is related coverage: each signal of the score as it was measured.
 *
 * @param textSimilarity cosine similarity of the TF-IDF vectors of title and excerpt, 0 to 1
 * @param sharedTopics   topics both items carry, with their IDF weights (a topic on nearly every item weighs little)
 * @param sameProvider   whether both come from the same outlet
 * @param hoursApart     distance in publication time
 * @param editorialLink  whether either item lists the other as related
 * @param sameStoryFeatures the features of the same-story probability, as the model reads them
 */
public record Reasons(double textSimilarity, List<WeightedTopic> sharedTopics, boolean sameProvider,
        double hoursApart, boolean editorialLink, SameStoryModel.Features sameStoryFeatures) {

    public record WeightedTopic(String topic, double weight) {
    }
}
