package org.mvclust.api;

/** A dataset could not be read; the message names the file and the place (variable, view, line). */
public class DatasetException extends Exception {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
