package org.mvclust.datasets;

import java.util.List;
import java.util.Map;

/**
 * The variables of one MAT-file: those this reader can use, by name in file order, and a listing of every variable
 * ("name (shape)") for error messages.
 */
record MatContents(String file, Map<String, MatVar> vars, List<String> listing) {
}
