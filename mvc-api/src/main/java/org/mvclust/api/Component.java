package org.mvclust.api;

import java.util.List;

/**
 * Anything a method graph names: a stable snake_case name (declared once as a {@code NAME} constant), a one-line
 * description, declared parameters.
 */
public interface Component {
    String name();

    String description();

    /** Former names that still resolve to this component, so that older graph files keep loading. */
    default List<String> aliases() {
        return List.of();
    }

    default List<ParamSpec> params() {
        return List.of();
    }
}
