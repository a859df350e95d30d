package io.watchfloor.extract.parse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forward pass of CoreNLP's neural dependency parser (its {@code nndep.Classifier}): from the 48 features of a
 * parser state to a score for every transition. It computes each value exactly as CoreNLP 4.5 does, in the same order
 * of additions, so that the parse is the same; it is faster where CoreNLP's arithmetic waits on itself. Scoring the
 * 83 transitions is 83 dot products of 1,000 terms, each a chain of additions that waits for the one before: here
 * eight chains run side by side (each still adds its terms in CoreNLP's order). Safe for concurrent use.
 */
final class TransitionScorer {
    /** Hidden-layer inputs of features that are not precomputed, kept as CoreNLP keeps them (as floats). */
    private static final int MAX_SLICES = 20_000;

    private final int numTokens;
    private final int embeddingSize;
    private final int hiddenSize;
    private final float[][] embeddings;
    private final float[][] hiddenWeights;
    private final float[] hiddenBias;
    /**
     * The output weights as CoreNLP keeps them, floats: each product widens one to double, as CoreNLP's does, and at
     * half the size of doubles the 83 rows stay in the core's own cache from one parser state to the next.
     */
    private final float[][] outputWeights;
    private final Map<Integer, Integer> precomputedRow;
    private final double[][] precomputed;
    private final Map<Integer, float[]> slices = new ConcurrentHashMap<>();

    /**
     * @param numTokens      features per parser state (48)
     * @param embeddings     CoreNLP's E: one row per word, tag or label id
     * @param hiddenWeights  W1: hidden units by (feature position x embedding)
     * @param hiddenBias     b1
     * @param outputWeights  W2: one row per transition
     * @param precomputedRow CoreNLP's preMap: feature key (id x numTokens + position) to its row of {@code precomputed}
     * @param precomputed    CoreNLP's saved hidden-layer inputs of the most frequent features
     */
    TransitionScorer(int numTokens, float[][] embeddings, float[][] hiddenWeights, float[] hiddenBias,
                     float[][] outputWeights, Map<Integer, Integer> precomputedRow, double[][] precomputed) {
        this.numTokens = numTokens;
        this.embeddingSize = embeddings[0].length;
        this.hiddenSize = hiddenBias.length;
        this.embeddings = embeddings;
        this.hiddenWeights = hiddenWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.precomputedRow = precomputedRow;
        this.precomputed = precomputed;
    }

    int transitions() {
        return outputWeights.length;
    }

    /** The score of every transition for the parser state with these features (word, tag and label ids). */
    double[] scores(int[] features) {
        return output(hidden(features));
    }

    /** Sum of each feature's input to the hidden layer, in feature order, then the bias and the cube. */
    private double[] hidden(int[] features) {
        double[] hidden = new double[hiddenSize];
        int offset = 0;
        for (int j = 0; j < features.length; j++) {
            int id = features[j];
            int key = id * numTokens + j;
            Integer row = precomputedRow.get(key);
            if (row != null) {
                double[] saved = precomputed[row];
                for (int i = 0; i < hiddenSize; i++) {
                    hidden[i] += saved[i];
                }
            } else {
                float[] slice = slice(key, id, offset);
                for (int i = 0; i < hiddenSize; i++) {
                    hidden[i] += slice[i];
                }
            }
            offset += embeddingSize;
        }
        for (int i = 0; i < hiddenSize; i++) {
            hidden[i] += hiddenBias[i];
            hidden[i] = hidden[i] * hidden[i] * hidden[i];
        }
        return hidden;
    }

    /** A feature's hidden-layer input computed on demand, rounded to float as CoreNLP's cache holds it. */
    private float[] slice(int key, int id, int offset) {
        float[] slice = slices.get(key);
        if (slice != null) {
            return slice;
        }
        float[] vector = embeddings[id];
        slice = new float[hiddenSize];
        for (int i = 0; i < hiddenSize; i++) {
            float[] weights = hiddenWeights[i];
            double partial = 0.0;
            for (int j = 0; j < embeddingSize; j++) {
                partial += weights[offset + j] * vector[j];
            }
            slice[i] = (float) partial;
        }
        if (slices.size() >= MAX_SLICES) {
            slices.clear(); // the values never change: a full cache only costs time to refill
        }
        slices.put(key, slice);
        return slice;
    }

    /** W2 x hidden, eight rows at a time; each row's sum runs from the first term to the last, as in CoreNLP. */
    private double[] output(double[] hidden) {
        float[][] w = outputWeights;
        double[] out = new double[w.length];
        int r = 0;
        for (; r + 7 < w.length; r += 8) {
            float[] w0 = w[r];
            float[] w1 = w[r + 1];
            float[] w2 = w[r + 2];
            float[] w3 = w[r + 3];
            float[] w4 = w[r + 4];
            float[] w5 = w[r + 5];
            float[] w6 = w[r + 6];
            float[] w7 = w[r + 7];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int i = 0; i < hiddenSize; i++) {
                double x = hidden[i];
                s0 += x * w0[i];
                s1 += x * w1[i];
                s2 += x * w2[i];
                s3 += x * w3[i];
                s4 += x * w4[i];
                s5 += x * w5[i];
                s6 += x * w6[i];
                s7 += x * w7[i];
            }
            out[r] = s0;
            out[r + 1] = s1;
            out[r + 2] = s2;
            out[r + 3] = s3;
            out[r + 4] = s4;
            out[r + 5] = s5;
            out[r + 6] = s6;
            out[r + 7] = s7;
        }
        for (; r < w.length; r++) {
            float[] row = w[r];
            double s = 0;
            for (int i = 0; i < hiddenSize; i++) {
                s += hidden[i] * row[i];
            }
            out[r] = s;
        }
        return out;
    }
}
