package navemu.shell.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of measured times: the middle one, or the mean of the two middle ones. */
public final class Median {

    private Median() {
    }

    /** @throws IllegalArgumentException when there is nothing to take the median of */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
