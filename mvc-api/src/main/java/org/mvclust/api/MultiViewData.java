package org.mvclust.api;

import java.util.List;

/**
 * Samples seen in several views: one matrix per view (same row count), optional 0-based labels.
 * Labels are used for evaluation only, never for training.
 */
public record MultiViewData(String name, List<String> viewNames, List<Matrix> views, int[] labels) {
    public MultiViewData {
        views = List.copyOf(views);
        viewNames = List.copyOf(viewNames);
        if (views.isEmpty()) {
            throw new IllegalArgumentException(name + ": no views");
        }
        if (viewNames.size() != views.size()) {
            throw new IllegalArgumentException(name + ": " + viewNames.size() + " view names for " + views.size() + " views");
        }
    }

    public int samples() {
        return views.get(0).rows();
    }

    public int viewCount() {
        return views.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The number of distinct labels, or 0 without labels. */
    public int classes() {
        return labels == null ? 0 : (int) java.util.Arrays.stream(labels).distinct().count();
    }
}
