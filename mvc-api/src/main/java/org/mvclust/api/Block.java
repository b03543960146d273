package org.mvclust.api;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A graph part: reads tensors on named ports and returns named outputs. Builds TensorFlow ops, never runs a session.
 * The first name in {@link #outputs()} is the main output.
 */
public interface Block extends Component {
    List<Port> inputs();

    List<String> outputs();

    Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params);
}
