package org.mvclust.api;

/** The value types a parameter can declare; the runtime converts and validates config values to these. */
public enum ParamType {
    INT, DOUBLE, BOOLEAN, STRING,
    /** A string from the parameter's {@link ParamSpec#allowed()} list. */
    CHOICE,
    INT_LIST, DOUBLE_LIST
}
