package org.mvclust.api;

import java.util.List;

/** Anything a method graph names: a stable lowercase name, a one-line description, declared parameters. */
public interface Component {
    String name();

    String description();

    default List<ParamSpec> params() {
        return List.of();
    }
}
