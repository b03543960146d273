package org.mvclust.api;

/** A named input of a block; a list port takes one tensor per view (e.g. a fusion's inputs). */
public record Port(String name, boolean list, boolean optional, String doc) {
    public static Port one(String name, String doc) {
        return new Port(name, false, false, doc);
    }

    public static Port many(String name, String doc) {
        return new Port(name, true, false, doc);
    }

    public static Port optional(String name, String doc) {
        return new Port(name, false, true, doc);
    }
}
