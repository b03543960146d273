package org.mvclust.api;

import java.util.Random;

/** Initial values of a variable, drawn from the run's seeded generator (so a seed fixes the whole run). */
@FunctionalInterface
public interface Initializer {
    float[] values(long[] shape, Random rng);

    static Initializer zeros() {
        return (shape, rng) -> new float[size(shape)];
    }

    static Initializer constant(float value) {
        return (shape, rng) -> {
            float[] v = new float[size(shape)];
            java.util.Arrays.fill(v, value);
            return v;
        };
    }

    /** Gaussian with std sqrt(2 / fan_in) (He); fan_in is shape[0]. */
    static Initializer he() {
        return (shape, rng) -> gaussian(shape, rng, Math.sqrt(2.0 / shape[0]));
    }

    /** Uniform in ±sqrt(6 / (fan_in + fan_out)) (Glorot). */
    static Initializer glorot() {
        return (shape, rng) -> {
            double limit = Math.sqrt(6.0 / (shape[0] + (shape.length > 1 ? shape[1] : 1)));
            float[] v = new float[size(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
            }
            return v;
        };
    }

    static float[] gaussian(long[] shape, Random rng, double std) {
        float[] v = new float[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return v;
    }

    static int size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
