package org.mvclust.api;

/** A clustering head or target: soft assignments, target distributions, projections. Ports are its own. */
public interface Head extends Block {
}
