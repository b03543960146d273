package org.mvclust.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.family.TType;

/**
 * Sums and stacks of many tensors built from ops with at most {@link #MAX_INPUTS} inputs each. TensorFlow's C++
 * gradient builder walks an op's inputs in an order that, beyond four inputs, follows a hash of pointers: it changes
 * from run to run, and with it the order in which the gradient builder adds up the contributions to a shared tensor
 * (AddN of three or more terms rounds differently in each order). A differentiated graph should therefore not use
 * AddN, Pack or Concat of more than four inputs; these give the same values as the wide ops (bit for bit; for sums,
 * tested up to 10 terms).
 */
public final class FanIn {
    /** The most inputs (data and control) an op may have for the gradient builder to visit them in a fixed order. */
    public static final int MAX_INPUTS = 4;

    private FanIn() {
    }

    /**
     * The sum of the terms (equal shapes), in the order of one AddN of them: AddN adds its first r terms left to right
     * (r = n mod 8, or 8 or 9 when that is 0 or 1) and then each following block of 8, summed left to right, to the
     * running total. Up to 10 terms this rounds as AddN does, bit for bit; beyond, grappler's rewrites may round
     * either differently.
     */
    public static <T extends TType> Operand<T> sum(Ops tf, List<? extends Operand<T>> terms) {
        int n = terms.size();
        if (n == 0) {
            throw new IllegalArgumentException("nothing to sum");
        }
        if (n == 1) {
            return terms.get(0);
        }
        if (n <= MAX_INPUTS) {
            return tf.math.addN(new ArrayList<>(terms));
        }
        int r = n < 8 ? n : n % 8 == 0 ? 8 : n % 8 == 1 ? 9 : n % 8;
        Operand<T> total = leftFold(tf, terms.subList(0, r));
        for (int from = r; from < n; from += 8) {
            total = tf.math.add(total, leftFold(tf, terms.subList(from, from + 8)));
        }
        return total;
    }

    /** ((t0 + t1) + t2) + …, as nested AddN of at most four inputs. */
    private static <T extends TType> Operand<T> leftFold(Ops tf, List<? extends Operand<T>> terms) {
        Operand<T> acc = terms.size() == 1 ? terms.get(0) : tf.math.addN(new ArrayList<>(terms.subList(0, Math.min(MAX_INPUTS, terms.size()))));
        for (int from = MAX_INPUTS; from < terms.size(); from += MAX_INPUTS - 1) {
            List<Operand<T>> next = new ArrayList<>();
            next.add(acc);
            next.addAll(terms.subList(from, Math.min(terms.size(), from + MAX_INPUTS - 1)));
            acc = tf.math.addN(next);
        }
        return acc;
    }

    /** The values stacked along a new axis {@code axis} (equal shapes), as Pack of at most four joined by Concat of two. */
    public static <T extends TType> Operand<T> stack(Ops tf, List<? extends Operand<T>> values, long axis) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        List<Operand<T>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_INPUTS) {
            parts.add(tf.stack(new ArrayList<>(values.subList(from, Math.min(values.size(), from + MAX_INPUTS))), Stack.axis(axis)));
        }
        return concat(tf, parts, axis);
    }

    /** The values joined along an existing axis {@code axis}, as a chain of two-input Concat ops. */
    public static <T extends TType> Operand<T> concat(Ops tf, List<? extends Operand<T>> values, long axis) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        if (values.size() <= MAX_INPUTS - 1) {
            return values.size() == 1 ? values.get(0) : tf.concat(new ArrayList<>(values), tf.constant((int) axis));
        }
        Operand<T> acc = tf.concat(new ArrayList<>(values.subList(0, MAX_INPUTS - 1)), tf.constant((int) axis));
        for (int from = MAX_INPUTS - 1; from < values.size(); from += MAX_INPUTS - 2) {
            List<Operand<T>> next = new ArrayList<>();
            next.add(acc);
            next.addAll(values.subList(from, Math.min(values.size(), from + MAX_INPUTS - 2)));
            acc = tf.concat(next, tf.constant((int) axis));
        }
        return acc;
    }
}
